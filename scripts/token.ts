/**
 * Prints a staff token signed with the service's secret (JWT_SECRET or the development secret
 * under ./.data), with the JWT_ISSUER and JWT_AUDIENCE the service checks:
 * npm run token -- --sub alice --roles ombudsman --name "Alice A" [--hours 8]
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/load-config';
import { signStaffToken } from '../src/auth/token-signer';
import { isJwtRole, JWT_ROLES } from '../src/auth/roles';

const { values } = parseArgs({
  options: {
    sub: { type: 'string' },
    roles: { type: 'string' },
    name: { type: 'string' },
    hours: { type: 'string', default: '8' },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const config = loadConfig(process.env);
if (config.auth.algorithm !== 'HS256')
  fail('JWT_PUBLIC_KEY or JWT_JWKS_URL is set: sign tokens with your identity provider.');
if (!values.sub) fail('Give --sub, e.g. --sub alice');
const roles = (values.roles ?? '')
  .split(',')
  .map((r) => r.trim())
  .filter(Boolean);
const unknown = roles.filter((r) => !isJwtRole(r));
if (roles.length === 0 || unknown.length > 0) {
  fail(`Give --roles as a comma-separated list of: ${JWT_ROLES.join(', ')}`);
}
const hours = Number(values.hours);
if (!Number.isFinite(hours) || hours <= 0) fail('--hours must be a positive number');
const { issuer, audience, maxLifetimeSeconds } = config.auth.tokenRules;
if (hours * 3600 > maxLifetimeSeconds) {
  fail(`--hours may be at most ${maxLifetimeSeconds / 3600} (JWT_MAX_LIFETIME_SECONDS)`);
}

console.log(
  signStaffToken(config.auth.verificationKey, {
    sub: values.sub,
    roles: roles.filter(isJwtRole),
    name: values.name,
    expiresInSeconds: Math.round(hours * 3600),
    issuer,
    audience,
  }),
);
