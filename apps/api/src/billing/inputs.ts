import { z } from "zod";
import { optionalText } from "../calls/closing.ts";
import { singleLine } from "../validation/text.ts";
import { emailAddress } from "../validation/email.ts";
import { isDay } from "./calendar.ts";

// What platform admins send about billing. Every message names the field, for the portal to show beside it.

const day = (field: string) =>
  z
    .string({ error: `${field} must be a date (YYYY-MM-DD)` })
    .refine(isDay, { error: `${field} must be a date (YYYY-MM-DD)` });

/** Whole rupiah: amounts are integers everywhere, never floating point. */
const rupiah = (field: string, { min = 0 } = {}) =>
  z
    .number({ error: `${field} must be an amount in whole rupiah` })
    .int({ error: `${field} must be whole rupiah, without cents` })
    .min(min, { error: `${field} must be at least ${String(min)}` })
    .max(1_000_000_000_000, { error: `${field} must be at most 1000000000000` });

const requiredLine = (field: string, max: number) =>
  z
    .string({ error: `${field} must be text` })
    .trim()
    .min(1, { error: `${field} is required` })
    .max(max, { error: `${field} must have at most ${String(max)} characters` })
    .refine(...singleLine(field));

export const invoiceIdInput = z.object({
  invoiceId: z.uuid({ error: "invoiceId must be an invoice's id" }),
});

const planFields = {
  name: requiredLine("name", 120),
  period: z.enum(["monthly", "annual"], { error: "period must be monthly or annual" }),
  baseFee: rupiah("baseFee"),
  seatFee: rupiah("seatFee"),
  channelFee: rupiah("channelFee"),
  notificationFee: rupiah("notificationFee"),
  callAllowance: z
    .number({ error: "callAllowance must be a number of calls" })
    .int({ error: "callAllowance must be a whole number" })
    .min(0, { error: "callAllowance cannot be negative" })
    .max(100_000_000, { error: "callAllowance must be at most 100000000" }),
  callFee: rupiah("callFee"),
  active: z.boolean({ error: "active must be true or false" }).default(true),
};

export const createPlanInput = z.object({
  code: z
    .string({ error: "code must be text" })
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
      error: "code may hold lowercase letters, digits and single hyphens, such as standar-bulanan",
    })
    .max(60, { error: "code must have at most 60 characters" }),
  ...planFields,
});

export const updatePlanInput = z.object({
  planId: z.uuid({ error: "planId must be a plan's id" }),
  ...planFields,
});

export const addTaxRateInput = z.object({
  name: requiredLine("name", 40),
  effectiveFrom: day("effectiveFrom"),
  rateBasisPoints: z
    .number({ error: "rateBasisPoints must be a number" })
    .int({ error: "rateBasisPoints must be whole basis points (1100 is 11 %)" })
    .min(0, { error: "rateBasisPoints cannot be negative" })
    .max(10_000, { error: "rateBasisPoints must be at most 10000 (100 %)" }),
  note: optionalText("note", 300),
});

export const billingProfileInput = z.object({
  legalName: requiredLine("legalName", 200),
  address: optionalText("address", 500),
  npwp: optionalText("npwp", 30).refine(
    (value) => value === null || /^[0-9.-]{15,22}$/.test(value),
    {
      error: "npwp must be a tax number of 15 or 16 digits, dots and dashes allowed",
    },
  ),
  email: emailAddress("email")
    .nullish()
    .transform((value) => value ?? null),
  virtualAccount: z
    .string({ error: "virtualAccount must be text" })
    .trim()
    .regex(/^[0-9][0-9 -]{5,38}[0-9]$/, {
      error: "virtualAccount must be 7 to 40 digits, spaces and dashes allowed",
    }),
});

export const assignPlanInput = z.object({
  planId: z.uuid({ error: "planId must be a plan's id" }),
  startsOn: day("startsOn"),
});

export const recordPaymentInput = z.object({
  invoiceId: z.uuid({ error: "invoiceId must be an invoice's id" }),
  receivedOn: day("receivedOn"),
  reference: requiredLine("reference", 80),
  amount: rupiah("amount", { min: 1 }),
});

export const voidInvoiceInput = z.object({
  invoiceId: z.uuid({ error: "invoiceId must be an invoice's id" }),
  reason: requiredLine("reason", 500),
});

export const suspendInput = z.object({ reason: requiredLine("reason", 500) });
