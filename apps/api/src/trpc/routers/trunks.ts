import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { TenantTx } from "@sigap/db/client";
import {
  deleteTrunk,
  findTrunk,
  insertTrunk,
  listChangeHistory,
  listTenantDids,
  listTrunks,
  releaseDid,
  setTenantCallDestination,
  setTrunkEventSecrets,
  tenantCallDestination,
  updateTrunk,
  type TrunkFields,
} from "@sigap/db/queries";
import { createSecretBox } from "../../security/secret-box.ts";
import { sealDigestPassword } from "../../telephony/digest-password.ts";
import { newEventSecret } from "../../telephony/event-secret.ts";
import { didList, trunkId, trunkShape, type TrunkInput } from "../../telephony/inputs.ts";
import { didsOn, replaceTrunkDids, trunkDids } from "../../telephony/trunk-dids.ts";
import { trunkSnapshot, trunkView } from "../../telephony/trunk-view.ts";
import { normalizeSipUri, sipUri } from "../../validation/sip-uri.ts";
import { fieldError, fieldsError } from "../field-error.ts";
import { createRouter, tenantProcedure } from "../init.ts";

const auditTarget = "phone_trunk";
const historyLimit = 200;

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
async function refuseTakenName(tx: TenantTx, name: string, except?: string): Promise<void> {
  const taken = (await listTrunks(tx)).some(
    (trunk) => trunk.id !== except && trunk.name.toLowerCase() === name.toLowerCase(),
  );
  if (taken)
    throw fieldsError("CONFLICT", `${name} is already the name of another trunk`, [
      {
        path: "name",
        message: `name ${name} is already used by another trunk of this region`,
        reason: "taken",
      },
    ]);
}

export const trunksRouter = createRouter({
  /** The tenant's trunks by name, each with its DIDs. */
  list: tenantProcedure("trunks.view").query(async ({ ctx }) => {
    const [trunks, dids] = await Promise.all([listTrunks(ctx.tx), listTenantDids(ctx.tx)]);
    return trunks.map((row) => trunkView(row, didsOn(dids, row.id)));
  }),

  get: tenantProcedure("trunks.view")
    .input(z.object({ trunkId }))
    .query(async ({ ctx, input }) => {
      const row = await findTrunk(ctx.tx, input.trunkId);
      if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "No such trunk" });
      return trunkView(row, await trunkDids(ctx.tx, row.id));
    }),

  /** Adds a trunk (without DIDs: `setDids` claims them). Digest credentials need a password. */
  create: tenantProcedure("trunks.edit")
    .input(z.object(trunkShape))
    .mutation(async ({ ctx, input }) => {
      if (input.auth.kind === "digest" && input.auth.password === undefined) {
        throw fieldError(
          "auth.password",
          "auth.password is required for digest authentication",
          "BAD_REQUEST",
          "required",
        );
      }
      await refuseTakenName(ctx.tx, input.name);
      const id = randomUUID();
      const sealed =
        input.auth.kind === "digest" && input.auth.password !== undefined
          ? sealDigestPassword(createSecretBox(ctx.config.secretKeys), id, input.auth.password)
          : null;
      const row = await insertTrunk(ctx.tx, ctx.tenant.id, { id, ...columnsOf(input, sealed) });
      await ctx.audit({
        action: "trunks.create",
        targetType: auditTarget,
        targetId: row.id,
        after: trunkSnapshot(row),
      });
      return trunkView(row, []);
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
        if (input.auth.password !== undefined)
          sealed = sealDigestPassword(
            createSecretBox(ctx.config.secretKeys),
            before.id,
            input.auth.password,
          );
        else if (before.auth === "digest") sealed = before.digestPasswordEncrypted;
        else
          throw fieldError(
            "auth.password",
            "auth.password is required when switching to digest authentication",
            "BAD_REQUEST",
            "required",
          );
      }
      await refuseTakenName(ctx.tx, input.name, before.id);
      const row = await updateTrunk(ctx.tx, before.id, columnsOf(input, sealed));
      if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "No such trunk" });
      const after = trunkSnapshot(row);
      await ctx.audit({
        action: "trunks.update",
        targetType: auditTarget,
        targetId: row.id,
        before: trunkSnapshot(before),
        // Whether the digest password was replaced, never what it was or became.
        after:
          input.auth.kind === "digest"
            ? { ...after, auth: { ...after.auth, replaced: input.auth.password !== undefined } }
            : after,
      });
      return trunkView(row, await trunkDids(ctx.tx, row.id));
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
      const { before, after } = await replaceTrunkDids(ctx.tx, trunk.id, input.dids);
      await ctx.audit({
        action: "trunks.setDids",
        targetType: auditTarget,
        targetId: trunk.id,
        before: { dids: before },
        after: { dids: after },
      });
      return trunkView(trunk, after);
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
      await setTrunkEventSecrets(ctx.tx, trunk.id, {
        current: secret.sealed,
        previous: trunk.eventSecretEncrypted,
      });
      await ctx.audit({
        action: "trunks.rotateEventSecret",
        targetType: auditTarget,
        targetId: trunk.id,
        after: { previousStillValid: trunk.eventSecretEncrypted !== null },
      });
      return {
        eventSecret: secret.plaintext,
        previousStillValid: trunk.eventSecretEncrypted !== null,
      };
    }),

  /** Ends a rotation: only the newest event secret is accepted from now on. */
  retirePreviousEventSecret: tenantProcedure("trunks.edit")
    .input(z.object({ trunkId }))
    .mutation(async ({ ctx, input }) => {
      const trunk = await findTrunk(ctx.tx, input.trunkId, { forUpdate: true });
      if (!trunk) throw new TRPCError({ code: "NOT_FOUND", message: "No such trunk" });
      const retired = trunk.previousEventSecretEncrypted !== null;
      if (retired) {
        await setTrunkEventSecrets(ctx.tx, trunk.id, {
          current: trunk.eventSecretEncrypted,
          previous: null,
        });
        await ctx.audit({
          action: "trunks.retirePreviousEventSecret",
          targetType: auditTarget,
          targetId: trunk.id,
        });
      }
      return { retired };
    }),

  /** Deletes a trunk and releases its DIDs for anyone to claim. */
  remove: tenantProcedure("trunks.edit")
    .input(z.object({ trunkId }))
    .mutation(async ({ ctx, input }) => {
      const trunk = await findTrunk(ctx.tx, input.trunkId, { forUpdate: true });
      if (!trunk) throw new TRPCError({ code: "NOT_FOUND", message: "No such trunk" });
      const dids = await trunkDids(ctx.tx, trunk.id);
      for (const did of dids) await releaseDid(ctx.tx, did);
      await deleteTrunk(ctx.tx, trunk.id);
      await ctx.audit({
        action: "trunks.remove",
        targetType: auditTarget,
        targetId: trunk.id,
        before: { ...trunkSnapshot(trunk), dids },
        after: null,
      });
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
        await ctx.audit({
          action: "trunks.setDestination",
          targetType: "call_destination",
          targetId: ctx.tenant.id,
          before: { destination: before },
          after: { destination: input.destination },
        });
      }
      return { destination: input.destination };
    }),

  /** The trunk's change history (its audit rows), newest first; still readable after removal. */
  history: tenantProcedure("trunks.view")
    .input(z.object({ trunkId }))
    .query(({ ctx, input }) =>
      listChangeHistory(ctx.tx, { targetType: auditTarget, targetId: input.trunkId }, historyLimit),
    ),
});
