/**
 * The value of a claim named by `JWT_ROLES_CLAIM` or `JWT_NAME_CLAIM`: the whole name when the
 * token has a claim of that name (namespaced claims such as `https://example.org/roles` hold
 * dots), otherwise a dotted path into nested objects (Keycloak's `realm_access.roles`).
 */
export function readClaim(claims: object, name: string): unknown {
  if (Object.hasOwn(claims, name)) return (claims as Record<string, unknown>)[name];
  let value: unknown = claims;
  for (const segment of name.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment)) {
      return undefined;
    }
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** Roles as a list of names; a single name is a list of one, anything else no roles at all. */
export function claimList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
}
