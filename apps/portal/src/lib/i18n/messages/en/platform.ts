import type { Translation } from "../../types.ts";
import type { platformPagesId } from "../id/platform.ts";

export const platformPagesEn = {
  "platform.nav.tenants": "Tenants",

  "platform.tenants.pageTitle": "Tenants",
  "platform.tenants.intro": "Every regency and city on Sigap 112, with its status and launch date.",
  "platform.tenants.create": "Create tenant",
  "platform.tenants.caption": "All tenants",
  "platform.tenants.empty": "No tenants yet. Create the first one for a regency or city.",
  "platform.tenants.filters": "Find tenants",
  "platform.tenants.search": "Search",
  "platform.tenants.searchHint": "Name, slug, regency/city or province.",
  "platform.tenants.status": "Status",
  "platform.tenants.apply": "Show",
  "platform.tenants.reset": "Clear search",
  "platform.tenants.noMatch": "No tenant matches this search.",
  "platform.tenants.pastLastPage": "This page is past the end of the list.",
  "platform.tenants.badSearch": "The search or page number in this address is not valid.",
  "platform.tenants.showAll": "Show all tenants",
  "platform.tenants.pages": "Tenant list pages",
  "platform.tenants.range": "{first}–{last} of {total}",
  "platform.tenants.previous": "Previous",
  "platform.tenants.next": "Next",

  "platform.create.pageTitle": "Create tenant",
  "platform.create.intro":
    "Pick a regency or city from the national registry, set the slug, and invite its first admin. The tenant starts in onboarding.",
  "platform.create.back": "Back to the tenant list",
  "platform.create.region": "Regency/city",
  "platform.create.regionHint":
    "Type at least 2 letters of the name or the start of the region code (e.g. Sidoarjo or 35.15).",
  "platform.create.regionSearching": "Searching…",
  "platform.create.regionNoMatch": "No regency or city matches.",
  "platform.create.regionCount": {
    one: "{count} result; use the up and down arrows to choose.",
    other: "{count} results; use the up and down arrows to choose.",
  },
  "platform.create.regionFailed": "The region search failed. Please try again.",
  "platform.create.regionTaken": "already has a tenant ({slug})",
  "platform.create.regionChosen": "Chosen: {region} ({code}), {province}",
  "platform.create.regionRequired": "Choose a regency or city from the list.",
  "platform.create.regionConflict":
    "This regency or city already has a tenant; a region holds one tenant only.",
  "platform.create.regionInvalid": "This regency or city is not in the registry.",
  "platform.create.slug": "Slug",
  "platform.create.slugHint":
    "Part of the tenant's address (/t/{slug}). Lowercase a–z, digits and hyphens.",
  "platform.create.slugInvalid":
    "The slug may hold lowercase a–z, digits and single hyphens between them (2–63 characters).",
  "platform.create.slugConflict": "Another tenant already uses this slug.",
  "platform.create.adminEmail": "First admin's email",
  "platform.create.adminEmailHint":
    "The invitation to become the tenant's admin goes to this address.",
  "platform.create.adminName": "Admin's name (optional)",
  "platform.create.adminNameInvalid": "The name is too long.",
  "platform.create.submit": "Create tenant and send invitation",
  "platform.create.submitting": "Creating…",

  "platform.created.title": "Tenant {tenant} created",
  "platform.created.body":
    "The tenant admin invitation was sent to {email}. The tenant stays in onboarding until it goes live.",
  "platform.created.outbox": "See the mail in the development outbox",
  "platform.created.open": "Open {tenant}",
  "platform.created.another": "Create another tenant",
} as const satisfies Pick<Translation, keyof typeof platformPagesId>;
