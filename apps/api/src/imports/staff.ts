// The staff import: one CSV row per person to invite. Each invitation is made exactly as a single
// one is (mailed, audited); the invitee types their own name when accepting.
import { findActiveMemberByEmail, listAgencies } from "@sigap/db/queries";
import type { TenantTx } from "@sigap/db/client";
import { membershipRoles, type MembershipRole } from "@sigap/tenancy";
import { inviteIntoTenant, type InvitingContext } from "../invitations/invite-into-tenant.ts";
import { emailAddress } from "../validation/email.ts";
import { readCsv } from "./csv-file.ts";
import { RowProblems, type RowProblem } from "./problems.ts";

export const staffColumns = ["email", "peran", "instansi"] as const;

/** The template's example row; `instansi` is only for a petugas instansi (agency_responder). */
export const staffExample: Record<(typeof staffColumns)[number], string> = {
  email: "operator1@contoh.go.id",
  peran: "operator",
  instansi: "",
};

/** Roles by code, or by the name the portal shows them under in Indonesian. */
const rolesByName = new Map<string, MembershipRole>([
  ...membershipRoles.map((role) => [role, role] as const),
  ["admin daerah", "tenant_admin"],
  ["petugas instansi", "agency_responder"],
]);

export interface PlannedInvitation {
  row: number;
  email: string;
  role: MembershipRole;
  agencyId: string | null;
  agencyName: string | null;
}

export interface StaffImportPlan {
  invitations: PlannedInvitation[];
  problems: RowProblem[];
}

const email = emailAddress("email");

/** Reads and checks every row against the region's agencies and members; writes nothing. */
export async function planStaffImport(tx: TenantTx, csv: string): Promise<StaffImportPlan> {
  const rows = readCsv(csv, staffColumns);
  const agencies = await listAgencies(tx);
  const problems = new RowProblems();
  const invitations: PlannedInvitation[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, cells } of rows) {
    let address: string | undefined;
    if (cells.email === "") problems.add(row, "email", "required", "email is required");
    else address = problems.parse(row, "email", email, cells.email);
    const role = rolesByName.get(cells.peran.toLowerCase().replace(/\s+/g, " "));
    if (cells.peran === "") problems.add(row, "peran", "required", "peran is required");
    else if (!role)
      problems.add(
        row,
        "peran",
        "unknown",
        `peran: ${cells.peran} must be one of ${membershipRoles.join(", ")}`,
        { value: cells.peran, accepted: membershipRoles.join(", ") },
      );

    const agency =
      cells.instansi === ""
        ? undefined
        : agencies.find(
            (candidate) => candidate.name.toLowerCase() === cells.instansi.toLowerCase(),
          );
    if (role === "agency_responder" && cells.instansi === "")
      problems.add(row, "instansi", "required", "instansi is required for an agency_responder");
    else if (role && role !== "agency_responder" && cells.instansi !== "")
      problems.add(
        row,
        "instansi",
        "invalid",
        `instansi is only for an agency_responder, not ${role}`,
        { value: cells.instansi, role },
      );
    else if (cells.instansi !== "" && !agency)
      problems.add(
        row,
        "instansi",
        "unknown",
        `instansi: ${cells.instansi} is not an agency of this region`,
        { value: cells.instansi },
      );

    if (address !== undefined) {
      const first = firstRowOf.get(address);
      if (first !== undefined)
        problems.add(
          row,
          "email",
          "duplicate",
          `email: ${address} is already on row ${String(first)}`,
          { value: address, otherRow: first },
        );
      else if (await findActiveMemberByEmail(tx, address))
        problems.add(
          row,
          "email",
          "duplicate",
          `email: ${address} is already an active member of this region`,
          { value: address },
        );
      firstRowOf.set(address, first ?? row);
    }
    if (address !== undefined && role && (role !== "agency_responder" || agency)) {
      invitations.push({
        row,
        email: address,
        role,
        agencyId: agency?.id ?? null,
        agencyName: agency?.name ?? null,
      });
    }
  }
  return { invitations, problems: problems.list };
}

/** Sends every invitation of a plan without problems, one by one through the single invitation's path. */
export async function applyStaffImport(
  ctx: InvitingContext,
  plan: StaffImportPlan,
): Promise<{ invited: number }> {
  for (const invitation of plan.invitations) {
    await inviteIntoTenant(ctx, {
      email: invitation.email,
      role: invitation.role,
      agencyId: invitation.agencyId,
    });
  }
  return { invited: plan.invitations.length };
}
