import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import {
  claimDid,
  currentTenantRegionCode,
  deleteTrunk,
  findTrunk,
  insertTrunk,
  listTenantAudit,
  listTenantDids,
  listRefusedTelephonyEvents,
  listTrunks,
  releaseDid,
  setTenantCallDestination,
  setTrunkEventSecrets,
  tenantCallDestination,
  updateTrunk,
  type TrunkFields,
  type TrunkRow,
} from "@sigap/db/queries";
import { carrier, sipTransport, trunkStatus } from "@sigap/db/schema";
import { createSecretBox, type SecretBox } from "../../security/secret-box.ts";
import { asteriskConfig } from "../../telephony/asterisk.ts";
import { newEventSecret } from "../../telephony/event-secret.ts";
import { kamailioDispatcher, kamailioPermissions } from "../../telephony/kamailio.ts";
import { kamailioSbc } from "../../telephony/kamailio-sbc.ts";
import { loadSbcRegions } from "../../telephony/sbc-regions.ts";
import { planTrunks, type TelephonyTrunk } from "../../telephony/trunk-plan.ts";
import { addressList, hostOrAddress, ipAddress, port } from "../../validation/network.ts";
import { singleLine } from "../../validation/text.ts";
import { normalizeIndonesianPhone } from "../../validation/phone.ts";
import { normalizeSipUri, sipUri } from "../../validation/sip-uri.ts";
import { fieldError } from "../field-error.ts";
import { createRouter, platformProcedure, tenantProcedure } from "../init.ts";

/** Codecs the regional PBXs carry; a trunk lists a subset, in order of preference. */
export const trunkCodecs = ["alaw", "ulaw", "g722", "g729", "opus"] as const;

const auditTarget = "phone_trunk";
const historyLimit = 200;

/** Binds a sealed digest password to its trunk: copied onto another row, it will not open. */
const passwordContext = (trunkId: string) => `phone_trunks.digest_password:${trunkId}`;

const trunkId = z.uuid({ error: "trunkId must be a trunk id" });

const trunkName = z
  .string({ error: "name must be text" })
  .trim()
  .min(1, { error: "name must not be empty" })
  .max(100, { error: "name must have at most 100 characters" })
  .refine(...singleLine("name"));

// Both end up in PBX configuration files and SIP URIs, so they keep to characters those carry as is.
const digestUsername = z
  .string({ error: "auth.username must be text" })
  .trim()
  .regex(/^[A-Za-z0-9._~+-]{1,128}$/, { error: "auth.username must be 1 to 128 letters, digits or . _ ~ + -" });
const digestPassword = z
  .string({ error: "auth.password must be text" })
  .regex(/^[\x21-\x5b\x5d-\x7e]{1,128}$/, { error: "auth.password must be 1 to 128 visible ASCII characters, without spaces or a backslash" });

const authInput = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("digest"),
      username: digestUsername,
      /** Required for a new digest credential; on update, leave out to keep the stored one. */
      password: digestPassword.optional(),
    }),
    z.object({ kind: z.literal("ip_allow_list"), addresses: addressList("auth.addresses", { min: 1, max: 50 }) }),
  ],
  { error: "auth.kind must be digest or ip_allow_list" },
);

const codecList = z
  .array(z.enum(trunkCodecs, { error: `each codec must be one of ${trunkCodecs.join(", ")}` }), { error: "codecs must be a list" })
  .min(1, { error: "codecs needs at least one codec" })
  .max(trunkCodecs.length, { error: `codecs may list at most ${String(trunkCodecs.length)} codecs` })
  .transform((codecs) => [...new Set(codecs)]);

const trunkShape = {
  name: trunkName,
  carrier: z.enum(carrier.enumValues, { error: `carrier must be one of ${carrier.enumValues.join(", ")}` }),
  sipHost: hostOrAddress("sipHost"),
  sipPort: port("sipPort").default(5060),
  transport: z.enum(sipTransport.enumValues, { error: "transport must be udp, tcp or tls" }).default("udp"),
  maxChannels: z
    .number({ error: "maxChannels must be a whole number from 1 to 10000" })
    .int({ error: "maxChannels must be a whole number from 1 to 10000" })
    .min(1, { error: "maxChannels must be a whole number from 1 to 10000" })
    .max(10000, { error: "maxChannels must be a whole number from 1 to 10000" }),
  codecs: codecList.default(["alaw", "ulaw"]),
  auth: authInput,
  status: z.enum(trunkStatus.enumValues, { error: `status must be one of ${trunkStatus.enumValues.join(", ")}` }).default("provisioning"),
};

type TrunkInput = z.infer<z.ZodObject<typeof trunkShape>>;

/**
 * DIDs as people type them, to E.164. Indonesian numbers only: a DID rings an Indonesian region.
 * A bad or repeated entry is named by its index (`dids.2`).
 */
const didList = z
  .array(z.string({ error: "each DID must be text" }), { error: "dids must be a list of phone numbers" })
  .max(500, { error: "dids may hold at most 500 numbers" })
  .transform((entries, check) => {
    const seen = new Map<string, number>();
    return entries.map((entry, index) => {
      const did = normalizeIndonesianPhone(entry);
      if (did === undefined) {
        check.addIssue({
          code: "custom",
          path: [index],
          message: `dids.${String(index)} must be an Indonesian number in E.164 form such as +62 31 1234567`,
        });
        return entry;
      }
      const first = seen.get(did);
      if (first !== undefined) {
        check.addIssue({ code: "custom", path: [index], message: `dids.${String(index)} repeats dids.${String(first)} (${did})` });
      }
      seen.set(did, first ?? index);
      return did;
    });
  });

/**
 * A refusal about specific input fields with a code other than BAD_REQUEST (a number another
 * region holds is a CONFLICT). Carried as a ZodError, like `fieldError`, so `issues` lists them.
 */
function issuesError(code: "CONFLICT", message: string, issues: { path: string; message: string }[]): TRPCError {
  const failed = z
    .unknown()
    .superRefine((_value, check) => {
      for (const issue of issues) check.addIssue({ code: "custom", path: issue.path.split("."), message: issue.message });
    })
    .safeParse(undefined);
  return new TRPCError({ code, message, cause: failed.error });
}

function authOutput(row: TrunkRow) {
  return row.auth === "digest"
    ? { kind: "digest" as const, username: row.digestUsername ?? "", hasPassword: row.digestPasswordEncrypted !== null }
    : { kind: "ip_allow_list" as const, addresses: row.allowedAddresses ?? [] };
}

/** A trunk as the portal sees it: the digest password never leaves, only whether one is stored. */
function present(row: TrunkRow, dids: string[]) {
  return {
    id: row.id,
    name: row.name,
    carrier: row.carrier,
    sipHost: row.sipHost,
    sipPort: row.sipPort,
    transport: row.transport,
    maxChannels: row.maxChannels,
    codecs: row.codecs,
    auth: authOutput(row),
    status: row.status,
    /** Whether the PBX/SBC can sign telephony events, and whether a rotation still accepts the old secret. */
    eventSecret: { configured: row.eventSecretEncrypted !== null, previousStillValid: row.previousEventSecretEncrypted !== null },
    dids,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** What the audit log keeps of a trunk (no timestamps, no sealed password). */
function snapshot(row: TrunkRow) {
  const { auth } = row;
  return {
    name: row.name,
    carrier: row.carrier,
    sipHost: row.sipHost,
    sipPort: row.sipPort,
    transport: row.transport,
    maxChannels: row.maxChannels,
    codecs: row.codecs,
    auth: auth === "digest" ? { kind: auth, username: row.digestUsername } : { kind: auth, addresses: row.allowedAddresses },
    status: row.status,
  };
}

async function didsOf(tx: Parameters<typeof listTenantDids>[0], trunk: string): Promise<string[]> {
  return (await listTenantDids(tx)).filter((did) => did.trunkId === trunk).map((did) => did.did);
}

/** The row's columns for `input`; `sealedPassword` is the (new or kept) sealed digest password. */
function columnsOf(input: TrunkInput, sealedPassword: string | null): Omit<TrunkFields, "id"> {
  const digest = input.auth.kind === "digest";
  return {
    name: input.name,
    carrier: input.carrier,
    sipHost: input.sipHost,
    sipPort: input.sipPort,
    transport: input.transport,
    maxChannels: input.maxChannels,
    codecs: input.codecs,
    auth: input.auth.kind,
    digestUsername: input.auth.kind === "digest" ? input.auth.username : null,
    digestPasswordEncrypted: digest ? sealedPassword : null,
    allowedAddresses: input.auth.kind === "ip_allow_list" ? input.auth.addresses : null,
    status: input.status,
  };
}

/** Names identify trunks in the exported configuration, so a region uses each once. */
async function refuseTakenName(tx: Parameters<typeof listTrunks>[0], name: string, except?: string): Promise<void> {
  const taken = (await listTrunks(tx)).some((trunk) => trunk.id !== except && trunk.name.toLowerCase() === name.toLowerCase());
  if (taken) throw issuesError("CONFLICT", `${name} is already the name of another trunk`, [{ path: "name", message: `name ${name} is already used by another trunk of this region` }]);
}

function sealPassword(box: SecretBox, id: string, password: string): string {
  return box.encrypt(new TextEncoder().encode(password), passwordContext(id));
}

export const trunksRouter = createRouter({
  /** The tenant's trunks by name, each with its DIDs. */
  list: tenantProcedure("trunks.view").query(async ({ ctx }) => {
    const [trunks, dids] = await Promise.all([listTrunks(ctx.tx), listTenantDids(ctx.tx)]);
    return trunks.map((row) => present(row, dids.filter((did) => did.trunkId === row.id).map((did) => did.did)));
  }),

  get: tenantProcedure("trunks.view")
    .input(z.object({ trunkId }))
    .query(async ({ ctx, input }) => {
      const row = await findTrunk(ctx.tx, input.trunkId);
      if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "No such trunk" });
      return present(row, await didsOf(ctx.tx, row.id));
    }),

  /** Adds a trunk (without DIDs: `setDids` claims them). Digest credentials need a password. */
  create: tenantProcedure("trunks.edit")
    .input(z.object(trunkShape))
    .mutation(async ({ ctx, input }) => {
      if (input.auth.kind === "digest" && input.auth.password === undefined) {
        throw fieldError("auth.password", "auth.password is required for digest authentication");
      }
      await refuseTakenName(ctx.tx, input.name);
      const id = randomUUID();
      const sealed = input.auth.kind === "digest" && input.auth.password !== undefined ? sealPassword(createSecretBox(ctx.config.secretKeys), id, input.auth.password) : null;
      const row = await insertTrunk(ctx.tx, ctx.tenant.id, { id, ...columnsOf(input, sealed) });
      await ctx.audit({ action: "trunks.create", targetType: auditTarget, targetId: row.id, after: snapshot(row) });
      return present(row, []);
    }),

  /**
   * Replaces a trunk's settings. Leave `auth.password` out to keep the stored digest password;
   * switching to digest from an IP allow-list needs one.
   */
  update: tenantProcedure("trunks.edit")
    .input(z.object({ trunkId, ...trunkShape }))
    .mutation(async ({ ctx, input }) => {
      const before = await findTrunk(ctx.tx, input.trunkId, { forUpdate: true });
      if (!before) throw new TRPCError({ code: "NOT_FOUND", message: "No such trunk" });
      let sealed: string | null = null;
      if (input.auth.kind === "digest") {
        if (input.auth.password !== undefined) sealed = sealPassword(createSecretBox(ctx.config.secretKeys), before.id, input.auth.password);
        else if (before.auth === "digest") sealed = before.digestPasswordEncrypted;
        else throw fieldError("auth.password", "auth.password is required when switching to digest authentication");
      }
      await refuseTakenName(ctx.tx, input.name, before.id);
      const row = await updateTrunk(ctx.tx, before.id, columnsOf(input, sealed));
      if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "No such trunk" });
      const after = snapshot(row);
      await ctx.audit({
        action: "trunks.update",
        targetType: auditTarget,
        targetId: row.id,
        before: snapshot(before),
        // Whether the digest password was replaced, never what it was or became.
        after: input.auth.kind === "digest" ? { ...after, auth: { ...after.auth, replaced: input.auth.password !== undefined } } : after,
      });
      return present(row, await didsOf(ctx.tx, row.id));
    }),

  /**
   * Makes `dids` the trunk's complete list of inbound numbers: new ones are claimed, missing ones
   * released, all in one transaction. A number another region holds ("not available", nothing
   * more) or another trunk of this region holds refuses the whole change with CONFLICT, each such
   * number named at `dids.<index>`.
   */
  setDids: tenantProcedure("trunks.edit")
    .input(z.object({ trunkId, dids: didList }))
    .mutation(async ({ ctx, input }) => {
      const trunk = await findTrunk(ctx.tx, input.trunkId, { forUpdate: true });
      if (!trunk) throw new TRPCError({ code: "NOT_FOUND", message: "No such trunk" });
      const held = await listTenantDids(ctx.tx);
      const current = held.filter((did) => did.trunkId === trunk.id).map((did) => did.did);
      const onOtherTrunks = new Map(held.filter((did) => did.trunkId !== trunk.id).map((did) => [did.did, did.trunkId]));

      const conflicts: { path: string; message: string }[] = [];
      for (const [index, did] of input.dids.entries()) {
        const path = `dids.${String(index)}`;
        if (onOtherTrunks.has(did)) conflicts.push({ path, message: `${did} is already on another trunk of this region; remove it there first` });
        // Says neither who holds the number nor that anyone does: a region could otherwise probe
        // which numbers its neighbours answer.
        else if ((await claimDid(ctx.tx, did, trunk.id)) === "taken") conflicts.push({ path, message: `${did} is not available` });
      }
      const [first] = conflicts;
      // Thrown, the error rolls back every claim made above: nothing changes.
      if (first) throw issuesError("CONFLICT", conflicts.length === 1 ? first.message : `${String(conflicts.length)} numbers are not available`, conflicts);

      const kept = new Set(input.dids);
      const released = current.filter((did) => !kept.has(did));
      for (const did of released) await releaseDid(ctx.tx, did);
      const dids = input.dids.toSorted();
      await ctx.audit({ action: "trunks.setDids", targetType: auditTarget, targetId: trunk.id, before: { dids: current }, after: { dids } });
      return present(trunk, dids);
    }),

  /**
   * A new secret for the trunk's PBX/SBC to sign telephony events with, returned this once. The
   * secret it replaces stays valid until `retirePreviousEventSecret`, so the switch can be changed
   * over without refused calls; a secret older than that one stops working now.
   */
  rotateEventSecret: tenantProcedure("trunks.edit")
    .input(z.object({ trunkId }))
    .mutation(async ({ ctx, input }) => {
      const trunk = await findTrunk(ctx.tx, input.trunkId, { forUpdate: true });
      if (!trunk) throw new TRPCError({ code: "NOT_FOUND", message: "No such trunk" });
      const secret = newEventSecret(createSecretBox(ctx.config.secretKeys), trunk.id);
      await setTrunkEventSecrets(ctx.tx, trunk.id, { current: secret.sealed, previous: trunk.eventSecretEncrypted });
      await ctx.audit({
        action: "trunks.rotateEventSecret",
        targetType: auditTarget,
        targetId: trunk.id,
        after: { previousStillValid: trunk.eventSecretEncrypted !== null },
      });
      return { eventSecret: secret.plaintext, previousStillValid: trunk.eventSecretEncrypted !== null };
    }),

  /** Ends a rotation: only the newest event secret is accepted from now on. */
  retirePreviousEventSecret: tenantProcedure("trunks.edit")
    .input(z.object({ trunkId }))
    .mutation(async ({ ctx, input }) => {
      const trunk = await findTrunk(ctx.tx, input.trunkId, { forUpdate: true });
      if (!trunk) throw new TRPCError({ code: "NOT_FOUND", message: "No such trunk" });
      const retired = trunk.previousEventSecretEncrypted !== null;
      if (retired) {
        await setTrunkEventSecrets(ctx.tx, trunk.id, { current: trunk.eventSecretEncrypted, previous: null });
        await ctx.audit({ action: "trunks.retirePreviousEventSecret", targetType: auditTarget, targetId: trunk.id });
      }
      return { retired };
    }),

  /** Deletes a trunk and releases its DIDs for anyone to claim. */
  remove: tenantProcedure("trunks.edit")
    .input(z.object({ trunkId }))
    .mutation(async ({ ctx, input }) => {
      const trunk = await findTrunk(ctx.tx, input.trunkId, { forUpdate: true });
      if (!trunk) throw new TRPCError({ code: "NOT_FOUND", message: "No such trunk" });
      const dids = await didsOf(ctx.tx, trunk.id);
      for (const did of dids) await releaseDid(ctx.tx, did);
      await deleteTrunk(ctx.tx, trunk.id);
      await ctx.audit({ action: "trunks.remove", targetType: auditTarget, targetId: trunk.id, before: { ...snapshot(trunk), dids }, after: null });
      return { removed: true, releasedDids: dids };
    }),

  /** Where the platform's SBC forwards the region's calls: a SIP URI, or null while none is set. */
  destination: tenantProcedure("trunks.view").query(async ({ ctx }) => {
    const stored = await tenantCallDestination(ctx.tx);
    return { destination: stored === undefined ? null : (normalizeSipUri(stored) ?? null) };
  }),

  /**
   * Sets (or, with null, clears) the region's call-taking destination: the SIP URI of its PBX or
   * operator seats. It reaches the SBC when the platform next generates the SBC's configuration.
   */
  setDestination: tenantProcedure("trunks.setDestination")
    .input(z.object({ destination: sipUri("destination").nullable() }))
    .mutation(async ({ ctx, input }) => {
      const stored = await tenantCallDestination(ctx.tx);
      const before = stored === undefined ? null : stored;
      if (before !== input.destination) {
        await setTenantCallDestination(ctx.tx, ctx.tenant.id, input.destination);
        await ctx.audit({ action: "trunks.setDestination", targetType: "call_destination", targetId: ctx.tenant.id, before: { destination: before }, after: { destination: input.destination } });
      }
      return { destination: input.destination };
    }),

  /** The trunk's change history (its audit rows), newest first; still readable after removal. */
  history: tenantProcedure("trunks.view")
    .input(z.object({ trunkId }))
    .query(async ({ ctx, input }) => {
      const rows = await listTenantAudit(
        ctx.tx,
        { targetType: auditTarget, targetId: input.trunkId, timeZone: ctx.tenant.timeZone },
        { limit: historyLimit },
      );
      return rows.map((row) => ({
        id: row.id,
        occurredAt: row.occurredAt.toISOString(),
        actor: row.actorUserId ? { userId: row.actorUserId, displayName: row.actorDisplayName, email: row.actorEmail } : null,
        actorRole: row.actorRole,
        action: row.action,
        diff: row.diff,
      }));
    }),
});

function telephonyTrunk(box: SecretBox, row: TrunkRow, dids: string[]): TelephonyTrunk {
  const auth: TelephonyTrunk["auth"] =
    row.auth === "digest"
      ? {
          kind: "digest",
          username: row.digestUsername ?? "",
          password: row.digestPasswordEncrypted ? new TextDecoder().decode(box.decrypt(row.digestPasswordEncrypted, passwordContext(row.id))) : "",
        }
      : { kind: "ip_allow_list", addresses: row.allowedAddresses ?? [] };
  return { ...present(row, dids), auth };
}

const refusedPage = z.object({
  limit: z.number().int().min(1, "limit must be at least 1").max(100, "limit must be at most 100").default(50),
  /** The `nextBefore` of the previous page. */
  before: z.object({ receivedAt: z.iso.datetime({ precision: 6, error: "before.receivedAt must be a nextBefore this API returned" }), id: z.uuid() }).optional(),
});

const sbcInput = z.object({
  sipAddress: ipAddress("sipAddress"),
  sipPort: port("sipPort").default(5060),
  eventUrl: z
    .string({ error: "eventUrl must be text" })
    .trim()
    .max(2048, { error: "eventUrl must have at most 2048 characters" })
    .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol) && new URL(value).username === "" && new URL(value).password === "" && !/["\\$\s]/.test(value), {
      error: "eventUrl must be the event route as the SBC reaches it, such as https://api.sigap112.id/v1/telephony/events",
    }),
  directory: z
    .string({ error: "directory must be text" })
    .regex(/^\/[A-Za-z0-9._/-]{0,200}$/, { error: "directory must be an absolute path of letters, digits and . _ - /, such as /etc/kamailio/sigap" })
    .default("/etc/kamailio/sigap"),
});

export const telephonyRouter = createRouter({
  /**
   * Telephony events the platform refused (unknown number, disabled trunk, bad signature, stale
   * timestamp), newest first, for platform admins diagnosing a region's switch.
   */
  refusedEvents: platformProcedure("telephony.viewRefused")
    .input(refusedPage)
    .query(async ({ ctx, input }) => {
      const rows = await listRefusedTelephonyEvents(ctx.db, ctx.auth.token, { before: input.before, limit: input.limit + 1 });
      const page = rows.slice(0, input.limit);
      const last = page.at(-1);
      return {
        rows: page.map(({ cursor: _cursor, ...row }) => ({ ...row, receivedAt: row.receivedAt.toISOString() })),
        nextBefore: rows.length > input.limit && last ? last.cursor : null,
      };
    }),

  /**
   * The configuration the region's PBX/SBC operator pastes in: Asterisk (pjsip.conf sections and
   * an extensions.conf context per trunk) and Kamailio (dispatcher.list, permissions address
   * file). It carries the digest passwords in clear, so it is a mutation: taking secrets out is
   * audited (`telephony.export`) and must pass the CSRF check.
   */
  export: tenantProcedure("telephony.export").mutation(async ({ ctx }) => {
    const [rows, dids, regionCode] = await Promise.all([listTrunks(ctx.tx), listTenantDids(ctx.tx), currentTenantRegionCode(ctx.tx)]);
    const box = createSecretBox(ctx.config.secretKeys);
    const tenant = { slug: ctx.tenant.slug, displayName: ctx.tenant.displayName, regionCode };
    const trunks = planTrunks(
      tenant,
      rows.map((row) => telephonyTrunk(box, row, dids.filter((did) => did.trunkId === row.id).map((did) => did.did))),
    );
    await ctx.audit({
      action: "telephony.export",
      targetType: "telephony_config",
      after: { trunks: trunks.map((trunk) => trunk.id), dids: trunks.reduce((sum, trunk) => sum + trunk.dids.length, 0), digestTrunks: trunks.filter((trunk) => trunk.auth.kind === "digest").length },
    });
    return {
      asterisk: asteriskConfig(tenant, trunks),
      kamailio: { dispatcher: kamailioDispatcher(tenant, trunks), permissions: kamailioPermissions(tenant, trunks) },
    };
  }),

  /**
   * The platform SBC's Kamailio configuration for every region (script, regions include,
   * permissions address file). It carries every region's event secrets in clear, so only platform
   * staff may take it, as an audited mutation; no tenant export ever includes it.
   */
  sbcConfig: platformProcedure("telephony.exportSbc")
    .input(sbcInput)
    .mutation(async ({ ctx, input }) => {
      const regions = await loadSbcRegions(ctx.db, createSecretBox(ctx.config.secretKeys));
      const trunks = regions.flatMap((region) => region.trunks);
      await ctx.audit({
        action: "telephony.exportSbc",
        targetType: "telephony_config",
        after: {
          sipAddress: input.sipAddress,
          sipPort: input.sipPort,
          eventUrl: input.eventUrl,
          regions: regions.length,
          regionsWithoutDestination: regions.filter((region) => region.destination === null && region.trunks.length > 0).map((region) => region.tenant.slug),
          trunks: trunks.length,
          trunksWithoutEventSecret: trunks.filter((trunk) => trunk.eventSecret === null).length,
        },
      });
      return { files: kamailioSbc(input, regions) };
    }),
});
