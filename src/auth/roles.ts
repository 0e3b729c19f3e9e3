/** The roles of DESIGN §1. `customer` is never in a JWT: customers hold a case access token. */
export const STAFF_ROLES = ['ombudsman_officer', 'ombudsman', 'auditor'] as const;
export const FRONTLINE_ROLES = ['frontline_agent', 'integration'] as const;
export const JWT_ROLES = [...FRONTLINE_ROLES, ...STAFF_ROLES] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];
export type FrontlineRole = (typeof FRONTLINE_ROLES)[number];
export type JwtRole = (typeof JWT_ROLES)[number];
export type Role = JwtRole | 'customer';

const OMBUDSMAN_SIDE: readonly string[] = ['ombudsman_officer', 'ombudsman'];

export function isJwtRole(value: unknown): value is JwtRole {
  return typeof value === 'string' && (JWT_ROLES as readonly string[]).includes(value);
}

/** Nobody is on both sides: a front-line role together with an ombudsman role is refused. */
export function holdsBothSides(roles: readonly string[]): boolean {
  const frontline = roles.some((r) => (FRONTLINE_ROLES as readonly string[]).includes(r));
  return frontline && roles.some((r) => OMBUDSMAN_SIDE.includes(r));
}
