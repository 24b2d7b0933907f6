/** The service every region's 112 centre is called after. */
const service = "Call Center 112";

/**
 * The name of a region's SOP: "SOP Call Center 112 Kabupaten Sidoarjo". A tenant is named after its
 * region ("Kabupaten Sidoarjo") or, once renamed, often after the service already ("Call Center 112
 * Kabupaten Sidoarjo"); the service is named once either way.
 */
export function regionSopName(tenantName: string): string {
  const region = tenantName.trim().replace(/^call center 112\s+/i, "");
  return `SOP ${service} ${region}`;
}
