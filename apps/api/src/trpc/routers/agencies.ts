import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import {
  agencyAuditTarget,
  agencyContactAuditTarget,
  agencyTypesInUse,
  deleteContact,
  districtCodesInRegion,
  findAgency,
  findAgencyWithContacts,
  findContact,
  findTenantRegion,
  insertAgencies,
  insertContact,
  listAgencies,
  listChangeHistory,
  listRegionDistricts,
  lockAgencyList,
  updateAgency,
  updateContact,
  type AgencyRow,
  type AgencyContactView,
} from "@sigap/db/queries";
import type { TenantTx } from "@sigap/db/client";
import { agencyTypes } from "@sigap/sop-engine";
import { agencyFacts, contactFacts } from "../../agencies/facts.ts";
import {
  agencyName,
  agencyType,
  contactPatch,
  contactValue,
  coverage,
  newContact,
  operatingHours,
} from "../../agencies/inputs.ts";
import { newSigningSecret } from "../../agencies/signing-secret.ts";
import { standardSet } from "../../agencies/standard-set.ts";
import { createSecretBox } from "../../security/secret-box.ts";
import { fieldError } from "../field-error.ts";
import { createRouter, tenantProcedure } from "../init.ts";

const agencyInput = z.object({ agencyId: z.uuid({ error: "agencyId must be an agency id" }) });
const contactInput = agencyInput.extend({
  contactId: z.uuid({ error: "contactId must be a contact id" }),
});

const notFound = (what: "agency" | "contact") =>
  new TRPCError({ code: "NOT_FOUND", message: `No such ${what}` });

function agencyView(agency: AgencyRow, contacts: AgencyContactView[]) {
  return {
    id: agency.id,
    ...agencyFacts(agency),
    createdAt: agency.createdAt,
    updatedAt: agency.updatedAt,
    contacts,
  };
}

/**
 * Coverage as stored: null for the whole region, else the distinct kecamatan codes, each of which
 * must lie in the tenant's own kabupaten/kota.
 */
async function checkedCoverage(
  tx: TenantTx,
  tenantId: string,
  codes: string[] | null | undefined,
): Promise<string[] | null> {
  if (!codes || codes.length === 0) return null;
  const region = await findTenantRegion(tx, tenantId);
  const inRegion = await districtCodesInRegion(tx, region.code, codes);
  const outside = codes.findIndex((code) => !inRegion.has(code));
  if (outside >= 0) {
    throw fieldError(
      `coverageDistrictCodes.${String(outside)}`,
      `coverageDistrictCodes: ${String(codes[outside])} is not a kecamatan of ${region.name}`,
    );
  }
  return [...new Set(codes)].sort();
}

export const agenciesRouter = createRouter({
  /** The national catalogue of agency types an agency can be. */
  catalogue: tenantProcedure("agencies.view").query(() =>
    agencyTypes.map(({ code, name }) => ({ code, name })),
  ),

  /** The kecamatan of the tenant's kabupaten/kota, by code: what an agency's coverage may list. */
  districts: tenantProcedure("agencies.view").query(async ({ ctx }) => {
    const region = await findTenantRegion(ctx.tx, ctx.tenant.id);
    return listRegionDistricts(ctx.tx, region.code);
  }),

  /** The tenant's agencies with their contacts; a webhook shows `hasSigningSecret`, never the secret. */
  list: tenantProcedure("agencies.view").query(async ({ ctx }) => {
    const rows = await listAgencies(ctx.tx);
    return rows.map(({ contacts, ...agency }) => agencyView(agency, contacts));
  }),

  get: tenantProcedure("agencies.view")
    .input(agencyInput)
    .query(async ({ ctx, input }) => {
      const found = await findAgencyWithContacts(ctx.tx, input.agencyId);
      if (!found) throw notFound("agency");
      const { contacts, ...agency } = found;
      return agencyView(agency, contacts);
    }),

  /** A new agency of a catalogue type; coverage defaults to the whole region, hours to always. */
  create: tenantProcedure("agencies.edit")
    .input(
      z.object({
        agencyType,
        name: agencyName,
        active: z.boolean({ error: "active must be true or false" }).default(true),
        coverageDistrictCodes: coverage.optional(),
        operatingHours: operatingHours.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const coverageDistrictCodes = await checkedCoverage(
        ctx.tx,
        ctx.tenant.id,
        input.coverageDistrictCodes,
      );
      const [agency] = await insertAgencies(ctx.tx, [
        {
          tenantId: ctx.tenant.id,
          agencyType: input.agencyType,
          name: input.name,
          active: input.active,
          coverageDistrictCodes,
          operatingHours: input.operatingHours ?? { always: true },
        },
      ]);
      if (!agency) throw new Error("agency insert returned nothing");
      await ctx.audit({
        action: "agencies.create",
        targetType: agencyAuditTarget,
        targetId: agency.id,
        after: agencyFacts(agency),
      });
      return agencyView(agency, []);
    }),

  /** Changes any of type, name, active, coverage (null or [] = whole region) and hours. */
  update: tenantProcedure("agencies.edit")
    .input(
      agencyInput.extend({
        agencyType: agencyType.optional(),
        name: agencyName.optional(),
        active: z.boolean({ error: "active must be true or false" }).optional(),
        coverageDistrictCodes: coverage.optional(),
        operatingHours: operatingHours.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const before = await findAgencyWithContacts(ctx.tx, input.agencyId);
      if (!before) throw notFound("agency");
      // Fields left undefined stay as they are.
      const patch = {
        agencyType: input.agencyType,
        name: input.name,
        active: input.active,
        operatingHours: input.operatingHours,
        coverageDistrictCodes:
          input.coverageDistrictCodes === undefined
            ? undefined
            : await checkedCoverage(ctx.tx, ctx.tenant.id, input.coverageDistrictCodes),
      };
      // Nothing asked to change: no write, no audit row.
      if (Object.values(patch).every((value) => value === undefined))
        return agencyView(before, before.contacts);
      const after = await updateAgency(ctx.tx, input.agencyId, patch);
      if (!after) throw notFound("agency");
      await ctx.audit({
        action: "agencies.update",
        targetType: agencyAuditTarget,
        targetId: after.id,
        before: agencyFacts(before),
        after: agencyFacts(after),
      });
      return agencyView(after, before.contacts);
    }),

  /**
   * Adds a phone or WhatsApp number (stored E.164), an email address, or an https webhook. A
   * webhook gets a new signing secret, returned here once and never again.
   */
  addContact: tenantProcedure("agencies.edit")
    .input(agencyInput)
    .input(newContact)
    .mutation(async ({ ctx, input }) => {
      if (!(await findAgency(ctx.tx, input.agencyId))) throw notFound("agency");
      const id = randomUUID();
      const secret =
        input.kind === "webhook"
          ? newSigningSecret(createSecretBox(ctx.config.secretKeys), id)
          : undefined;
      const contact = await insertContact(ctx.tx, {
        tenantId: ctx.tenant.id,
        id,
        agencyId: input.agencyId,
        kind: input.kind,
        value: input.value,
        label: input.label,
        signingSecretEncrypted: secret?.sealed ?? null,
      });
      await ctx.audit({
        action: "agencies.addContact",
        targetType: agencyContactAuditTarget,
        targetId: id,
        after: contactFacts(contact),
      });
      return { contact, ...(secret ? { signingSecret: secret.plaintext } : {}) };
    }),

  /** Changes a contact's value (checked as its kind requires) or label; the kind stays. */
  updateContact: tenantProcedure("agencies.edit")
    .input(contactInput)
    .input(contactPatch)
    .mutation(async ({ ctx, input }) => {
      const before = await findContact(ctx.tx, input.agencyId, input.contactId);
      if (!before) throw notFound("contact");
      if (input.value === undefined && input.label === undefined) return { contact: before };
      let value: string | undefined;
      if (input.value !== undefined) {
        const parsed = contactValue[before.kind].safeParse(input.value);
        if (!parsed.success)
          throw fieldError("value", parsed.error.issues[0]?.message ?? "value is not valid");
        value = parsed.data;
      }
      const after = await updateContact(ctx.tx, input.agencyId, input.contactId, {
        value,
        label: input.label,
      });
      if (!after) throw notFound("contact");
      await ctx.audit({
        action: "agencies.updateContact",
        targetType: agencyContactAuditTarget,
        targetId: after.id,
        before: contactFacts(before),
        after: contactFacts(after),
      });
      return { contact: after };
    }),

  removeContact: tenantProcedure("agencies.edit")
    .input(contactInput)
    .mutation(async ({ ctx, input }) => {
      const removed = await deleteContact(ctx.tx, input.agencyId, input.contactId);
      if (!removed) throw notFound("contact");
      await ctx.audit({
        action: "agencies.removeContact",
        targetType: agencyContactAuditTarget,
        targetId: removed.id,
        before: contactFacts(removed),
      });
      return { removed: true };
    }),

  /**
   * A new signing secret for a webhook contact, returned once; the old one stops working at once,
   * so the receiver must be given the new one.
   */
  rotateSigningSecret: tenantProcedure("agencies.edit")
    .input(contactInput)
    .mutation(async ({ ctx, input }) => {
      const contact = await findContact(ctx.tx, input.agencyId, input.contactId);
      if (!contact) throw notFound("contact");
      if (contact.kind !== "webhook") {
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: "Only a webhook contact has a signing secret",
        });
      }
      const secret = newSigningSecret(createSecretBox(ctx.config.secretKeys), contact.id);
      const after = await updateContact(ctx.tx, input.agencyId, contact.id, {
        signingSecretEncrypted: secret.sealed,
      });
      if (!after) throw notFound("contact");
      await ctx.audit({
        action: "agencies.rotateSigningSecret",
        targetType: agencyContactAuditTarget,
        targetId: contact.id,
        after: contactFacts(after),
      });
      return { contact: after, signingSecret: secret.plaintext };
    }),

  /**
   * Adds the usual agencies of a kabupaten or kota (the region's own kind unless given), named
   * after the region, skipping every type the tenant already has: running it twice adds nothing.
   */
  applyStandardSet: tenantProcedure("agencies.edit")
    .input(
      z.object({
        kind: z.enum(["kabupaten", "kota"], { error: "kind must be kabupaten or kota" }).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await lockAgencyList(ctx.tx, ctx.tenant.id);
      const region = await findTenantRegion(ctx.tx, ctx.tenant.id);
      const inUse = await agencyTypesInUse(ctx.tx);
      const set = standardSet(input.kind ?? region.kind, region.name);
      const missing = set.filter((agency) => !inUse.has(agency.agencyType));
      const created = await insertAgencies(
        ctx.tx,
        missing.map((agency) => ({ tenantId: ctx.tenant.id, ...agency })),
      );
      for (const agency of created) {
        await ctx.audit({
          action: "agencies.applyStandardSet",
          targetType: agencyAuditTarget,
          targetId: agency.id,
          after: agencyFacts(agency),
        });
      }
      return {
        created: created.map((agency) => agencyView(agency, [])),
        skipped: set
          .filter((agency) => inUse.has(agency.agencyType))
          .map((agency) => agency.agencyType),
      };
    }),

  /** The agency's change history: its audit rows and its contacts', newest first. */
  history: tenantProcedure("agencies.view")
    .input(agencyInput.extend({ limit: z.int().min(1).max(500).default(200) }))
    .query(async ({ ctx, input }) => {
      if (!(await findAgency(ctx.tx, input.agencyId))) throw notFound("agency");
      const subject = {
        targetType: agencyAuditTarget,
        targetId: input.agencyId,
        dependents: { targetType: agencyContactAuditTarget, key: "agencyId" },
      };
      return listChangeHistory(ctx.tx, subject, input.limit);
    }),
});
