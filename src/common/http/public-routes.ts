/** Route prefixes anyone may call without a staff login: the customer's routes and statistics. */
const PUBLIC_PREFIXES = ['/v1/escalations', '/v1/public'];

/** Whether a route (its pattern or a concrete path) belongs to the public side. */
export function isPublicRoute(url: string): boolean {
  return PUBLIC_PREFIXES.some((prefix) => url === prefix || url.startsWith(`${prefix}/`));
}
