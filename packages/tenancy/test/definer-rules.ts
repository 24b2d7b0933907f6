import type { Sql, TransactionSql } from "postgres";

/**
 * What a security-definer function checks before it reads or writes past row-level security:
 * - `session`: a live session's raw cookie token (only its hash is stored); it answers for that
 *   session's own user, or only when that user is a platform admin;
 * - `tenant`: it acts for the transaction's tenant alone and raises when none is set;
 * - `token`: the hash of a secret link token that only its recipient holds;
 * - `facts`: no proof, by design: national counts or the tenant directory, never personal data.
 *   Its exact result columns are pinned, so adding one (an email, an id of a person) fails review;
 * - `owner only`: the runtime role may not call it at all.
 */
export type DefinerRule = "session" | "tenant" | "token" | "facts" | "owner only";

export interface DefinerFunction {
  rule: DefinerRule;
  /** Why the rule fits the function and who calls it. */
  why: string;
  /** A call as the runtime role without any proof: it must raise or return no row (not for `facts`). */
  probe?: string;
  /** For `facts`: every column it returns. */
  columns?: string[];
}

const noSession = "'unknown-session.wrong-secret'";
const someHash = "encode(sha256('not a token'), 'hex')";

/** Every security-definer function in the public schema, by signature (`oid::regprocedure`). */
export const definerFunctions: Record<string, DefinerFunction> = {
  "national_adoption()": {
    rule: "facts",
    why: "adoption counts per province for the public national page",
    columns: ["province_code", "province_name", "time_zone", "regions", "live", "onboarding"],
  },
  "national_tenants()": {
    rule: "facts",
    why: "the national directory of tenants (region, name, status, launch date) for ministry and platform views",
    columns: [
      "tenant_id",
      "slug",
      "display_name",
      "region_code",
      "region_name",
      "province_code",
      "province_name",
      "status",
      "launched_at",
    ],
  },
  "tenant_by_slug(text)": {
    rule: "facts",
    why: "one directory entry, to resolve /t/{slug} for platform support",
    columns: ["tenant_id", "slug", "display_name", "time_zone", "status"],
  },
  "user_tenants(text)": {
    rule: "session",
    why: "the memberships of the session's own user, for sign-in and the tenant switcher",
    probe: `select * from user_tenants(${noSession})`,
  },
  "audit_log_all(text,timestamp with time zone,timestamp with time zone,text,text,text,text,timestamp with time zone,uuid,integer)":
    {
      rule: "session",
      why: "every tenant's audit log, for a signed-in platform admin only",
      probe: `select * from audit_log_all(${noSession}, null, null, null, null, null, null, null, null, 10)`,
    },
  "billing_overview(text)": {
    rule: "session",
    why: "every tenant's plan and what it owes, for the platform billing dashboard of a signed-in platform admin only",
    probe: `select * from billing_overview(${noSession})`,
  },
  "create_tenant(text,text,text,text)": {
    rule: "session",
    why: "creates a tenant, for a signed-in platform admin only",
    probe: `select create_tenant(${noSession}, '35.15', 'probe', 'Probe')`,
  },
  "invitation_by_token(text)": {
    rule: "token",
    why: "the invitation a link stands for, before the invitee has an account or a tenant",
    probe: `select * from invitation_by_token(${someHash})`,
  },
  "set_tenant_status(tenant_status)": {
    rule: "tenant",
    why: "onboarding moves its own tenant's status (the API checks the role)",
    probe: "select set_tenant_status('live')",
  },
  "claim_did(text,uuid)": {
    rule: "tenant",
    why: "claims a number for a trunk of the transaction's tenant (the key refuses another tenant's trunk)",
    probe: "select claim_did('+62315550100', gen_random_uuid())",
  },
  "release_did(text)": {
    rule: "tenant",
    why: "releases a number the transaction's tenant holds",
    probe: "select release_did('+62315550100')",
  },
  "tenant_dids()": {
    rule: "tenant",
    why: "the transaction's tenant's own numbers",
    probe: "select * from tenant_dids()",
  },
  "end_sessions_without_access(uuid)": {
    rule: "tenant",
    why: "ends the sessions of someone the transaction's tenant deactivated, when no access is left anywhere",
    probe: "select end_sessions_without_access(gen_random_uuid())",
  },
  "route_did(text)": {
    rule: "facts",
    why: "the tenant and trunk one exact dialled number (a region's public 112 line) rings, for the telephony event route",
    columns: ["tenant_id", "trunk_id"],
  },
  "refused_telephony_events_list(text,timestamp with time zone,uuid,integer)": {
    rule: "session",
    why: "the refused telephony events of every tenant, for a signed-in platform admin only",
    probe: `select * from refused_telephony_events_list(${noSession}, null, null, 10)`,
  },
};

/**
 * Reads the live catalog and lists every security-definer function that breaks the rules, one line
 * each: not listed above (or listed but gone), executable by PUBLIC, without a fixed search_path,
 * granted to the runtime role against its rule, or a `facts` function whose columns changed.
 */
export async function findDefinerViolations(
  sql: Sql | TransactionSql,
  appRole: string,
  listed: Record<string, DefinerFunction> = definerFunctions,
): Promise<string[]> {
  const functions = await sql<
    {
      signature: string;
      public_execute: boolean;
      app_execute: boolean;
      search_path: boolean;
      columns: string[];
    }[]
  >`
    select p.oid::regprocedure::text as signature,
           exists (select 1 from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                    where a.grantee = 0 and a.privilege_type = 'EXECUTE') as public_execute,
           has_function_privilege(${appRole}, p.oid, 'EXECUTE') as app_execute,
           coalesce(exists (select 1 from unnest(p.proconfig) c where c like 'search_path=%'), false) as search_path,
           coalesce(array(select name from unnest(p.proargnames, p.proargmodes) as arg(name, mode)
                           where arg.mode = 't'), '{}') as columns
      from pg_proc p
      join pg_namespace n on n.oid = p.pronamespace
     where n.nspname = 'public' and p.prosecdef
     order by 1`;

  const violations: string[] = [];
  for (const fn of functions) {
    const rule = listed[fn.signature];
    if (!rule)
      violations.push(
        `${fn.signature}: security-definer function with no rule in definer-rules.ts`,
      );
    if (fn.public_execute) violations.push(`${fn.signature}: executable by PUBLIC`);
    if (!fn.search_path) violations.push(`${fn.signature}: search_path is not fixed`);
    if (!rule) continue;
    if (rule.rule === "owner only" && fn.app_execute)
      violations.push(`${fn.signature}: owner only, yet ${appRole} may execute it`);
    if (rule.rule === "facts" && fn.columns.join(",") !== (rule.columns ?? []).join(",")) {
      violations.push(
        `${fn.signature}: returns ${fn.columns.join(", ")}, not the reviewed columns`,
      );
    }
  }
  const present = new Set(functions.map((fn) => fn.signature));
  for (const signature of Object.keys(listed)) {
    if (!present.has(signature)) violations.push(`${signature}: listed but not in the catalog`);
  }
  return violations;
}
