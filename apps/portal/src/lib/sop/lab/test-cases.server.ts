import type { RequestEvent } from "@sveltejs/kit";
import type { RouterOutputs } from "#lib/api/client.ts";
import { apiForRequest } from "#lib/server/session.ts";
import { loadFromApi, type Loaded } from "#lib/tenant/load.ts";

type LoadEvent = Pick<RequestEvent, "request" | "url" | "fetch" | "getClientAddress"> & {
  depends: (...dependencies: `${string}:${string}`[]) => void;
};

/**
 * The tenant's test cases, each with its result against the draft. The test case page lists them;
 * the simulator offers them as scenarios. Both pages sit under the SOP layout, which checked `sop.view`.
 */
export async function loadTestCases(
  event: LoadEvent,
  tenantSlug: string,
): Promise<Loaded<RouterOutputs["sop"]["testCases"]["list"]>> {
  event.depends("sop:test-cases");
  return loadFromApi(event.url, "sop.testCases.list", () =>
    apiForRequest(event).sop.testCases.list.query({ tenantSlug }),
  );
}
