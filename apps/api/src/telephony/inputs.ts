import { z } from "zod";
import { carrier, sipTransport, trunkStatus } from "@sigap/db/schema";
import { addressList, hostOrAddress, ipAddress, port } from "../validation/network.ts";
import { normalizeIndonesianPhone } from "../validation/phone.ts";
import { singleLine } from "../validation/text.ts";

/** Codecs the regional PBXs carry; a trunk lists a subset, in order of preference. */
const trunkCodecs = ["alaw", "ulaw", "g722", "g729", "opus"] as const;

export const trunkId = z.uuid({ error: "trunkId must be a trunk id" });

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
  .regex(/^[A-Za-z0-9._~+-]{1,128}$/, {
    error: "auth.username must be 1 to 128 letters, digits or . _ ~ + -",
  });
const digestPassword = z
  .string({ error: "auth.password must be text" })
  .regex(/^[\x21-\x5b\x5d-\x7e]{1,128}$/, {
    error: "auth.password must be 1 to 128 visible ASCII characters, without spaces or a backslash",
  });

const authInput = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("digest"),
      username: digestUsername,
      /** Required for a new digest credential; on update, leave out to keep the stored one. */
      password: digestPassword.optional(),
    }),
    z.object({
      kind: z.literal("ip_allow_list"),
      addresses: addressList("auth.addresses", { min: 1, max: 50 }),
    }),
  ],
  { error: "auth.kind must be digest or ip_allow_list" },
);

const codecList = z
  .array(z.enum(trunkCodecs, { error: `each codec must be one of ${trunkCodecs.join(", ")}` }), {
    error: "codecs must be a list",
  })
  .min(1, { error: "codecs needs at least one codec" })
  .max(trunkCodecs.length, {
    error: `codecs may list at most ${String(trunkCodecs.length)} codecs`,
  })
  .transform((codecs) => [...new Set(codecs)]);

/** A trunk's settings, as `trunks.create` takes them and `trunks.update` replaces them. */
export const trunkShape = {
  name: trunkName,
  carrier: z.enum(carrier.enumValues, {
    error: `carrier must be one of ${carrier.enumValues.join(", ")}`,
  }),
  sipHost: hostOrAddress("sipHost"),
  sipPort: port("sipPort").default(5060),
  transport: z
    .enum(sipTransport.enumValues, { error: "transport must be udp, tcp or tls" })
    .default("udp"),
  maxChannels: z
    .number({ error: "maxChannels must be a whole number from 1 to 10000" })
    .int({ error: "maxChannels must be a whole number from 1 to 10000" })
    .min(1, { error: "maxChannels must be a whole number from 1 to 10000" })
    .max(10000, { error: "maxChannels must be a whole number from 1 to 10000" }),
  codecs: codecList.default(["alaw", "ulaw"]),
  auth: authInput,
  status: z
    .enum(trunkStatus.enumValues, {
      error: `status must be one of ${trunkStatus.enumValues.join(", ")}`,
    })
    .default("provisioning"),
};

export type TrunkInput = z.infer<z.ZodObject<typeof trunkShape>>;

/**
 * DIDs as people type them, to E.164. Indonesian numbers only: a DID rings an Indonesian region.
 * A bad or repeated entry is named by its index (`dids.2`).
 */
export const didList = z
  .array(z.string({ error: "each DID must be text" }), {
    error: "dids must be a list of phone numbers",
  })
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
        check.addIssue({
          code: "custom",
          path: [index],
          message: `dids.${String(index)} repeats dids.${String(first)} (${did})`,
          params: { reason: "repeated" },
        });
      }
      seen.set(did, first ?? index);
      return did;
    });
  });

/** A page of refused telephony events, newest first. */
export const refusedPage = z.object({
  limit: z
    .number()
    .int()
    .min(1, "limit must be at least 1")
    .max(100, "limit must be at most 100")
    .default(50),
  /** The `nextBefore` of the previous page. */
  before: z
    .object({
      receivedAt: z.iso.datetime({
        precision: 6,
        error: "before.receivedAt must be a nextBefore this API returned",
      }),
      id: z.uuid(),
    })
    .optional(),
});

/** Where the platform's SBC listens and reports events, and where its configuration files go. */
export const sbcInput = z.object({
  sipAddress: ipAddress("sipAddress"),
  sipPort: port("sipPort").default(5060),
  eventUrl: z
    .string({ error: "eventUrl must be text" })
    .trim()
    .max(2048, { error: "eventUrl must have at most 2048 characters" })
    .refine(
      (value) =>
        URL.canParse(value) &&
        /^https?:$/.test(new URL(value).protocol) &&
        new URL(value).username === "" &&
        new URL(value).password === "" &&
        !/["\\$\s]/.test(value),
      {
        error:
          "eventUrl must be the event route as the SBC reaches it, such as https://api.sigap112.id/v1/telephony/events",
      },
    ),
  directory: z
    .string({ error: "directory must be text" })
    .regex(/^\/[A-Za-z0-9._/-]{0,200}$/, {
      error:
        "directory must be an absolute path of letters, digits and . _ - /, such as /etc/kamailio/sigap",
    })
    .default("/etc/kamailio/sigap"),
});
