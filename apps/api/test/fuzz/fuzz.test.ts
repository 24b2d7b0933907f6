import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  can,
  membershipRoles,
  platformRoles,
  type MembershipRole,
  type PlatformRole,
} from "@sigap/tenancy";
import { createTestTenant, deleteTestTenants, type TestTenant } from "@sigap/tenancy/testing";
import { testClient, type TestClient } from "../client.ts";
import { useTestApi } from "../harness.ts";
import {
  createTestPerson,
  deleteTestPeople,
  newSessionCookie,
  type TestPerson,
} from "../people.ts";
import { allProcedures, type ProcedureInfo } from "../security/procedures.ts";
import { fingerprinter, writesBetween } from "./fingerprint.ts";
import {
  DeepJson,
  hostileArbitrary,
  mutatedArbitrary,
  toJsonText,
  validArbitrary,
  type JsonSchema,
  type KnownValues,
} from "./json-schema-arbitrary.ts";
import { hostileKinds } from "./hostile-kinds.ts";
import { plausibleByName, plausibleStrings } from "./plausible.ts";
import { validInput } from "./procedure-inputs.ts";

// Every tRPC procedure (walked from the router) and every REST operation (read from the OpenAPI
// document) gets inputs generated from its own schema: valid ones, valid ones with one field made
// hostile, and hostile ones whole. None may be answered with a 5xx, and a request answered with
// an error must leave the database as it was. Procedures run as a signed-in person whose role may
// call them, in a tenant with agencies, a trunk, an SOP draft and a test case, so inputs reach
// the handlers and not only the permission check.

const { api, database } = useTestApi();
const owner = database.owner;

/** Fixed, so every run sends the same cases (only the ids of rows differ); change it to explore, never to make a failure go away. */
const seed = 1122026;
/** Requests per procedure and per REST operation: enough to reach the handlers, few enough for a 2-core machine. */
const cases = { valid: 2, mutated: 7, hostile: 1 };

/**
 * Inputs rewritten before sending, each for a reason. The test database is shared with files that
 * count tenants per status, so the fuzzer never creates a tenant: every well-formed region code
 * becomes the fuzzed tenant's own region, which already has one (the handler runs to the conflict).
 */
const inputGuards: Record<string, (input: unknown) => unknown> = {
  "tenants.create": (input) => {
    if (
      !isRecord(input) ||
      typeof input.regionCode !== "string" ||
      !/^\d{2}\.\d{2}$/.test(input.regionCode.trim())
    )
      return input;
    return { ...input, regionCode: home.regionCode };
  },
};

let home: TestTenant;
const members = new Map<MembershipRole, TestPerson & { cookie: string }>();
const staff = new Map<PlatformRole, TestPerson & { cookie: string }>();
/** Members the users.* procedures may change or deactivate: never the callers, whose sessions the file needs. */
const targets: TestPerson[] = [];
const people: TestPerson[] = [];

beforeAll(async () => {
  home = await createTestTenant(owner);
  for (const role of membershipRoles) {
    members.set(
      role,
      await createTestPerson(owner, { memberships: [{ tenantId: home.id, role }], signedIn: true }),
    );
  }
  for (const role of platformRoles)
    staff.set(role, await createTestPerson(owner, { platformRole: role, signedIn: true }));
  for (const role of ["operator", "supervisor", "tenant_admin"] as const) {
    targets.push(await createTestPerson(owner, { memberships: [{ tenantId: home.id, role }] }));
  }
  people.push(...members.values(), ...staff.values(), ...targets);
  await arrangeTenant();
});

afterAll(async () => {
  await deleteTestPeople(owner, people);
  await deleteTestTenants(owner, [home]);
});

/** What the fuzzed tenant holds before the fuzzing starts, made through the API as its admin would. */
async function arrangeTenant() {
  const admin = testClient(api.url, { cookie: members.get("tenant_admin")?.cookie });
  const tenantSlug = home.slug;
  const steps: [string, unknown][] = [
    ["onboarding.chooseSop", { tenantSlug, templateCode: "national-default" }],
    ["agencies.applyStandardSet", { tenantSlug }],
    [
      "trunks.create",
      {
        tenantSlug,
        name: "Fuzz trunk",
        carrier: "telkom",
        sipHost: "sip.fuzz.example.id",
        maxChannels: 4,
        auth: { kind: "digest", username: "fuzz", password: "Fuzz-112-secret" },
      },
    ],
    ["sop.testCases.create", { tenantSlug, testCase: plausibleByName.testCase?.[0] }],
    ["users.invite", { tenantSlug, email: "fuzz.invitee@sigap112.test", role: "operator" }],
  ];
  for (const [path, input] of steps) {
    const reply = await admin.call("mutation", path, input);
    if (reply.status !== 200)
      throw new Error(
        `arranging the fuzzed tenant: ${path} answered ${String(reply.status)} ${String(reply.message)}`,
      );
  }
  const [agency] = await owner.sql<
    { id: string }[]
  >`select id from agencies where tenant_id = ${home.id} limit 1`;
  const contact = await admin.call("mutation", "agencies.addContact", {
    tenantSlug,
    agencyId: agency?.id,
    kind: "webhook",
    value: "https://hooks.fuzz.example.id/112",
  });
  if (contact.status !== 200)
    throw new Error(
      `arranging the fuzzed tenant: agencies.addContact answered ${String(contact.status)}`,
    );
}

/** The tenant's rows as they are now, so inputs name real ones (rows come and go as the fuzzer works). */
async function knownValues(sessionId: string | undefined): Promise<KnownValues> {
  const rows = await owner.sql<{ id: string }[]>`
    select id::text from agencies where tenant_id = ${home.id}
    union all select id::text from agency_contacts where tenant_id = ${home.id}
    union all select id::text from phone_trunks where tenant_id = ${home.id}
    union all select id::text from invitations where tenant_id = ${home.id}
    union all select id::text from sop_test_cases where tenant_id = ${home.id}`;
  const sop = await owner.sql<{ number: number | null; updated_at: string }[]>`
    select number, to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as updated_at
      from sop_versions where tenant_id = ${home.id}`;
  return {
    byName: {
      ...plausibleByName,
      tenantSlug: [home.slug],
      slug: [home.slug],
      updatedAt: sop.filter((row) => row.number === null).map((row) => row.updated_at),
      number: [1, ...sop.flatMap((row) => (row.number === null ? [] : [row.number]))],
      sessionId: sessionId === undefined ? [] : [sessionId],
    },
    ids: [...rows.map((row) => row.id), ...targets.map((person) => person.id)],
    plausibleStrings,
  };
}

/** Who calls a procedure: someone its access metadata admits, with a session renewed whenever a case ended it. */
interface Caller {
  client: TestClient;
  sessionId: () => string | undefined;
  renew: () => Promise<void>;
}

function callerAs(person: (TestPerson & { cookie: string }) | undefined): Caller {
  if (!person) throw new Error("no such test person");
  const client = testClient(api.url, { cookie: person.cookie });
  return {
    client,
    sessionId: () => client.cookie?.replace("sigap_session=", "").split(".")[0],
    renew: async () => {
      client.cookie = await newSessionCookie(owner, person);
    },
  };
}

/**
 * Public procedures are called anonymously; procedures about one's own account (sign-out,
 * password, second factor, sessions) by a person of their own, so what they change stays theirs;
 * tenant, platform and ministry procedures by the first role the permission matrix allows.
 */
async function callerFor(procedure: ProcedureInfo): Promise<Caller> {
  const { access, action } = procedure.meta;
  if (access === "public") {
    const client = testClient(api.url);
    return { client, sessionId: () => undefined, renew: () => Promise.resolve() };
  }
  if (access === "signedIn" || access === "pendingSecondFactor") {
    const person = await createTestPerson(owner, { signedIn: true });
    people.push(person);
    return callerAs(person);
  }
  if (!action) throw new Error(`${procedure.path} has no action`);
  if (access === "tenant")
    return callerAs(
      members.get(membershipRoles.find((role) => can(role, action)) ?? "tenant_admin"),
    );
  return callerAs(staff.get(platformRoles.find((role) => can(role, action)) ?? "platform_admin"));
}

const caseCount = cases.valid + cases.mutated + cases.hostile;

/**
 * Case `index` for one target, from the fixed seed: valid, valid with one hostile change, or
 * hostile whole. Made just before it is sent, from the rows the tenant holds then, so a case
 * after a successful save names the draft as it is now, not as it was.
 */
function caseAt(index: number, valid: fc.Arbitrary<unknown>): unknown {
  const hostile = hostileArbitrary(hostileKinds);
  const arbitrary =
    index < cases.valid
      ? valid
      : index < cases.valid + cases.mutated
        ? mutatedArbitrary(valid, hostile)
        : hostile;
  const [input] = fc.sample(arbitrary, { seed: seed + index, numRuns: 1 });
  return input;
}

interface Answer {
  status: number;
  requestId: string;
  body: string;
}

/**
 * Sends every case and returns what went wrong: a 5xx, or an error answer that left a write
 * behind (a changed row of the fuzzer's, or an audit row of that request). After a write that
 * succeeded (`writes`: the target may change rows) the known rows are read again.
 */
async function fuzz(
  validWith: (known: KnownValues) => fc.Arbitrary<unknown>,
  send: (input: unknown) => Promise<Answer>,
  options: { writes: boolean; caller?: Caller },
): Promise<string[]> {
  const { writes, caller } = options;
  const fingerprint = await fingerprinter(owner, {
    tenantIds: [home.id],
    userIds: people.map((person) => person.id),
  });
  const problems: string[] = [];
  let before = await fingerprint.take("");
  let known = await knownValues(caller?.sessionId());
  for (let index = 0; index < caseCount; index++) {
    const input = caseAt(index, validWith(known));
    const answer = await send(input);
    const after = await fingerprint.take(answer.requestId);
    if (answer.status >= 500)
      problems.push(`${String(answer.status)} ${answer.body.slice(0, 200)} for ${shown(input)}`);
    const written = writesBetween(before, after);
    if (answer.status >= 400 && written.length > 0)
      problems.push(
        `${String(answer.status)} left writes in ${written.join(", ")} for ${shown(input)}`,
      );
    before = after;
    if (answer.status === 401 && caller) {
      await caller.renew();
      before = await fingerprint.take("");
    }
    if ((writes && answer.status < 400) || answer.status === 401)
      known = await knownValues(caller?.sessionId());
  }
  return problems;
}

async function answerOf(response: Response): Promise<Answer> {
  return {
    status: response.status,
    requestId: response.headers.get("x-request-id") ?? "",
    body: await response.text(),
  };
}

/** An input short enough to read in a failure message: long strings and deep values cut. */
function shown(input: unknown): string {
  const text =
    (JSON.stringify(input, (_key, value: unknown) => {
      if (value instanceof DeepJson) return "(nested deeper than a stack)";
      return typeof value === "string" && value.length > 40
        ? `${value.slice(0, 20)}…(${String(value.length)} chars)`
        : value;
    }) as string | undefined) ?? "undefined";
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

describe("tRPC procedures", () => {
  it.each(allProcedures())(
    "$path answers no 5xx and leaves no write when it refuses",
    async (procedure) => {
      const caller = await callerFor(procedure);
      const guard = inputGuards[procedure.path] ?? ((input: unknown) => input);
      const problems = await fuzz(
        (known) => validInput(procedure, known),
        async (input) => {
          const guarded = guard(input);
          return answerOf(
            await caller.client.send(procedure.type, procedure.path, guarded, toJsonText(guarded)),
          );
        },
        { writes: procedure.type === "mutation", caller },
      );
      expect(problems).toEqual([]);
    },
  );
});

interface OpenApiOperation {
  parameters?: {
    name: string;
    in: "query" | "path" | "header" | "cookie";
    required?: boolean;
    schema: JsonSchema;
  }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

describe("REST operations", () => {
  it("answer no 5xx and leave no write when they refuse", async () => {
    const document = (await (await fetch(`${api.url}/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, OpenApiOperation>>;
    };
    const problems: string[] = [];
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const target = `${method.toUpperCase()} ${path}`;
        const parameters = operation.parameters ?? [];
        const schema: JsonSchema = {
          type: "object",
          properties: Object.fromEntries(
            parameters.map((parameter) => [parameter.name, parameter.schema]),
          ),
          required: parameters
            .filter((parameter) => parameter.required)
            .map((parameter) => parameter.name),
        };
        const body = operation.requestBody?.content["application/json"]?.schema;
        const valid = (known: KnownValues) =>
          fc.record({
            parameters: validArbitrary(schema, known),
            body: body ? validArbitrary(body, known) : fc.constant(undefined),
          });
        const found = await fuzz(
          valid,
          async (input) => {
            const { parameters: values, body: payload } = isRecord(input)
              ? input
              : { parameters: input, body: undefined };
            const url = restUrl(api.url, path, parameters, isRecord(values) ? values : {});
            const init: RequestInit = body
              ? {
                  method,
                  body: toJsonText(payload) ?? "",
                  headers: { "content-type": "application/json" },
                }
              : { method };
            return answerOf(await fetch(url, init));
          },
          { writes: method !== "get" },
        );
        problems.push(...found.map((problem) => `${target}: ${problem}`));
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("the write check", () => {
  // Proves the check can fail: it must see an update of the fuzzed tenant's rows and an audit row of
  // the request, and must not see what happens to another tenant meanwhile.
  it("sees the fuzzer's rows change and the request's audit rows, and nothing of other tenants", async () => {
    const fingerprint = await fingerprinter(owner, {
      tenantIds: [home.id],
      userIds: people.map((person) => person.id),
    });
    const before = await fingerprint.take("check-request");
    const other = await createTestTenant(owner);
    await owner.sql`insert into audit_log (tenant_id, actor_role, action, request_id) values (${other.id}, 'test', 'check.elsewhere', 'other-request')`;
    expect(writesBetween(before, await fingerprint.take("check-request"))).toEqual([]);
    await owner.sql`update agencies set name = name where id = (select id from agencies where tenant_id = ${home.id} limit 1)`;
    await owner.sql`insert into audit_log (tenant_id, actor_role, action, request_id) values (${home.id}, 'test', 'check.write', 'check-request')`;
    expect(writesBetween(before, await fingerprint.take("check-request"))).toEqual([
      "agencies",
      "audit_log",
      "audit check.write",
    ]);
    await deleteTestTenants(owner, [other]);
  });
});

/** The URL for a REST operation with parameter values put in its path and query string as a client would. */
function restUrl(
  base: string,
  path: string,
  parameters: NonNullable<OpenApiOperation["parameters"]>,
  values: Record<string, unknown>,
): string {
  const text = (value: unknown) =>
    percentEncoded(typeof value === "string" ? value : (toJsonText(value) ?? ""));
  let filled = path;
  const query: string[] = [];
  for (const parameter of parameters) {
    const value = values[parameter.name];
    if (parameter.in === "path")
      filled = filled.replace(`{${parameter.name}}`, value === undefined ? "" : text(value));
    if (parameter.in === "query" && value !== undefined)
      query.push(`${parameter.name}=${text(value)}`);
  }
  return `${base}/v1${filled}${query.length > 0 ? `?${query.join("&")}` : ""}`;
}

/**
 * Percent-encoding that also writes lone surrogates, as the three bytes a careless client's
 * encoder sends (encodeURIComponent refuses them, URLSearchParams replaces them).
 */
function percentEncoded(value: string): string {
  let encoded = "";
  // A string iterates by code point: a lone surrogate comes alone, a pair together.
  for (const character of value) {
    const unit = character.charCodeAt(0);
    encoded +=
      character.length > 1 || unit < 0xd800 || unit > 0xdfff
        ? encodeURIComponent(character)
        : [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
            .map((byte) => `%${byte.toString(16).toUpperCase()}`)
            .join("");
  }
  return encoded;
}
