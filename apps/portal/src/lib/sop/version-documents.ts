import { browserApi } from "#lib/api/browser-api.ts";

/**
 * Fetches published versions' documents by number. A published version never changes, so each is
 * fetched once, for its JSON and for every comparison; a failed fetch is not kept, so asking again retries.
 */
export function versionLoader(tenantSlug: string): (number: number) => Promise<unknown> {
  const documents = new Map<number, Promise<unknown>>();
  return (number) => {
    let found = documents.get(number);
    if (!found) {
      found = browserApi()
        .sop.version.query({ tenantSlug, number })
        .then((version) => version.ruleset);
      found.catch(() => documents.delete(number));
      documents.set(number, found);
    }
    return found;
  };
}
