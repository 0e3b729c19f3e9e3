/** The roles of README.md (Roles). `customer` is never in a JWT: customers hold a case access token. */
export const STAFF_ROLES = ['ombudsman_officer', 'ombudsman', 'auditor'] as const;
export const FRONTLINE_ROLES = ['frontline_agent', 'integration'] as const;
export const JWT_ROLES = [...FRONTLINE_ROLES, ...STAFF_ROLES] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];
export type FrontlineRole = (typeof FRONTLINE_ROLES)[number];
export type JwtRole = (typeof JWT_ROLES)[number];
export type Role = JwtRole | 'customer';

export function isJwtRole(value: unknown): value is JwtRole {
  return typeof value === 'string' && (JWT_ROLES as readonly string[]).includes(value);
}

/**
 * Nobody is on both sides: a front-line role together with any role of the office is refused. The
 * auditor counts as the office: with a front-line role it would read internal notes and answer
 * for the company with one token.
 */
export function holdsBothSides(roles: readonly string[]): boolean {
  const holds = (side: readonly string[]) => roles.some((role) => side.includes(role));
  return holds(FRONTLINE_ROLES) && holds(STAFF_ROLES);
}
