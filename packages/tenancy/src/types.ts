/** A tenant's id. Branded so that an arbitrary string cannot be passed where a tenant is meant. */
export type TenantId = string & { readonly __brand: "TenantId" };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Accepts a tenant id read from a trusted source (the database, a resolved membership). */
export function asTenantId(value: string): TenantId {
  if (!uuidPattern.test(value)) throw new TypeError(`not a tenant id: ${value}`);
  return value as TenantId;
}
