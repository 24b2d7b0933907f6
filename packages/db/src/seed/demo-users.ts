/**
 * One demo person per role, all with the same documented password, printed by `npm start`.
 * Roles that require a second factor (platform and tenant admins) enrol TOTP at first sign-in.
 */
export const demoPassword = "Sigap112-Demo!";

/** Argon2id of `demoPassword` with the API's parameters, computed once; the seed needs no hasher. */
export const demoPasswordHash =
  "$argon2id$v=19$m=19456,t=2,p=1$Vf7m/MAJmislNpOtF4xOzg$6p4J3axXAzBr/3QOCe0Ze/DoY4IZ8wS5Suin6VM+0z4";

/** The demo responder's agency, Damkar of Sidoarjo, seeded with this fixed id. */
export const demoAgencyId = "00000000-0000-4000-8000-000000000119";

export const demoUsers = [
  {
    email: "platform@sigap112.test",
    displayName: "Putri Platform",
    platformRole: "platform_admin",
    memberships: [],
  },
  {
    email: "kementerian@sigap112.test",
    displayName: "Bima Kementerian",
    platformRole: "ministry_viewer",
    memberships: [],
  },
  {
    email: "admin.sidoarjo@sigap112.test",
    displayName: "Sari Admin Sidoarjo",
    platformRole: null,
    memberships: [{ slug: "sidoarjo", role: "tenant_admin" }],
  },
  {
    email: "supervisor.sidoarjo@sigap112.test",
    displayName: "Dedi Supervisor",
    platformRole: null,
    memberships: [{ slug: "sidoarjo", role: "supervisor" }],
  },
  {
    email: "operator@sigap112.test",
    displayName: "Rina Operator",
    platformRole: null,
    memberships: [
      { slug: "sidoarjo", role: "operator" },
      { slug: "denpasar", role: "operator" },
    ],
  },
  {
    email: "damkar.sidoarjo@sigap112.test",
    displayName: "Agus Damkar",
    platformRole: null,
    memberships: [{ slug: "sidoarjo", role: "agency_responder", agencyId: demoAgencyId }],
  },
] as const;
