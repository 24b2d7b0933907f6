import { membershipRoles, type MembershipRole } from "@sigap/tenancy/permissions";

/** The members list's search, as the page's URL carries it (`?q=budi&role=operator&state=active`). */
export interface MemberFilters {
  /** Part of a name or email address; "" for everyone. */
  q: string;
  role: MembershipRole | "";
  state: "active" | "deactivated" | "";
}

export const memberStates = ["active", "deactivated"] as const;

const isRole = (value: string | null): value is MembershipRole =>
  (membershipRoles as readonly (string | null)[]).includes(value);
const isState = (value: string | null): value is MemberFilters["state"] =>
  (memberStates as readonly (string | null)[]).includes(value);

/** The filters a URL names; a role or state it does not know means no narrowing by it. */
export function memberFiltersOf(params: URLSearchParams): MemberFilters {
  const role = params.get("role");
  const state = params.get("state");
  return {
    q: params.get("q")?.trim() ?? "",
    role: isRole(role) ? role : "",
    state: isState(state) ? state : "",
  };
}

/** The query (without `?`) of the search form's fields, blanks left out so the unfiltered list has the plain URL. */
export function memberSearch(fields: FormData): string {
  const params = new URLSearchParams();
  for (const name of ["q", "role", "state"]) {
    const value = fields.get(name);
    if (typeof value === "string" && value.trim() !== "") params.set(name, value.trim());
  }
  return params.toString();
}

/** What `users.list` is asked for these filters. */
export function memberQuery(filters: MemberFilters) {
  return {
    query: filters.q === "" ? null : filters.q,
    ...(filters.role === "" ? {} : { role: filters.role }),
    ...(filters.state === "" ? {} : { state: filters.state }),
  };
}

export function isFiltered(filters: MemberFilters): boolean {
  return filters.q !== "" || filters.role !== "" || filters.state !== "";
}
