import { createPublicKey } from 'node:crypto';
import { sign } from 'jsonwebtoken';
import {
  IdentityProvider,
  idpToken,
  newSigningKey,
  SigningKey,
  startIdentityProvider,
} from './support/identity-provider';
import { startTestApp, TestApp } from './support/test-app';

const ROUTE = '/v1/admin/cases?limit=1';
const AUDIENCE = 'ombudsman-api';
const COOLDOWN_MS = 1_000;

function b64(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe("sign-in with the organisation's identity provider (JWT_JWKS_URL)", () => {
  let idp: IdentityProvider;
  let first: SigningKey;
  let t: TestApp;

  beforeAll(async () => {
    idp = await startIdentityProvider();
    first = await newSigningKey('key-2026-01');
    idp.publish(first);
    t = await startTestApp({
      env: {
        JWT_SECRET: '',
        JWT_JWKS_URL: idp.jwksUrl,
        JWT_ISSUER: idp.issuer,
        JWT_AUDIENCE: AUDIENCE,
        JWT_ROLES_CLAIM: 'realm_access.roles',
        JWT_NAME_CLAIM: 'preferred_username',
        JWT_JWKS_COOLDOWN_SECONDS: String(COOLDOWN_MS / 1000),
        WEBHOOK_SECRET_KEY: 'a-webhook-key-that-is-long-enough-0123456789',
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  const keycloakToken = (key: SigningKey, extra: Record<string, unknown> = {}, kid?: string) =>
    idpToken({
      key,
      kid,
      issuer: idp.issuer,
      audience: AUDIENCE,
      claims: {
        sub: 'f3b1c2d4-officer',
        preferred_username: 'olga.officer',
        realm_access: { roles: ['ombudsman_officer', 'offline_access'] },
        ...extra,
      },
    });
  const get = (token: string) => t.http().get(ROUTE).set('authorization', `Bearer ${token}`);

  it('lets in a token of the IdP, reading roles from realm_access.roles, and fetches the keys once', async () => {
    const before = idp.fetches();
    await get(await keycloakToken(first)).expect(200);
    await get(await keycloakToken(first)).expect(200);
    await get(await keycloakToken(first)).expect(200);
    expect(idp.fetches() - before).toBeLessThanOrEqual(1);
  });

  it('records the name from the mapped claim', async () => {
    const token = await keycloakToken(first);
    const filed = await t
      .http()
      .post('/v1/escalations')
      .send({
        customer: { name: 'Anna', email: 'anna@example.org' },
        subject: 'Refund refused',
        description: 'The deposit was never refunded.',
      })
      .expect(201);
    await t
      .http()
      .post(`/v1/admin/cases/${filed.body.reference}/notes`)
      .set('authorization', `Bearer ${token}`)
      .send({ body: 'Called the customer.' })
      .expect(201);
    const res = await t
      .http()
      .get(`/v1/admin/cases/${filed.body.reference}/timeline`)
      .set('authorization', `Bearer ${token}`)
      .expect(200);
    expect(JSON.stringify(res.body)).toContain('olga.officer');
  });

  it('refuses roles that sit where the mapping does not look', async () => {
    const token = await keycloakToken(first, { realm_access: {}, roles: ['ombudsman_officer'] });
    await get(token).expect(403);
  });

  it('checks the issuer and the audience', async () => {
    const otherIssuer = await idpToken({
      key: first,
      issuer: 'https://idp.example/realms/company',
      audience: AUDIENCE,
      claims: { sub: 'x', realm_access: { roles: ['ombudsman'] } },
    });
    expect((await get(otherIssuer).expect(401)).body.detail).toContain('(iss)');
    const otherAudience = await idpToken({
      key: first,
      issuer: idp.issuer,
      audience: 'account',
      claims: { sub: 'x', realm_access: { roles: ['ombudsman'] } },
    });
    expect((await get(otherAudience).expect(401)).body.detail).toContain('(aud)');
  });

  it('keeps the lifetime rule for IdP tokens: one that lives longer than 12 hours is refused', async () => {
    const lasting = await idpToken({
      key: first,
      issuer: idp.issuer,
      audience: AUDIENCE,
      lifetimeSeconds: 12 * 3600 + 1,
      claims: { sub: 'x', realm_access: { roles: ['ombudsman'] } },
    });
    expect((await get(lasting).expect(401)).body.detail).toMatch(/exp − iat/);
  });

  it('refuses an unsigned token (alg: none) naming a known kid', async () => {
    const now = Math.floor(Date.now() / 1000);
    const none = `${b64({ alg: 'none', typ: 'JWT', kid: first.kid })}.${b64({
      sub: 'mallory',
      iss: idp.issuer,
      aud: AUDIENCE,
      realm_access: { roles: ['ombudsman'] },
      iat: now,
      exp: now + 300,
    })}.`;
    await get(none).expect(401);
  });

  it('refuses an HS256 token signed with the bytes of the public key (algorithm confusion)', async () => {
    const publicPem = createPublicKey({
      key: first.publicJwk as import('node:crypto').JsonWebKey,
      format: 'jwk',
    })
      .export({ type: 'spki', format: 'pem' })
      .toString();
    const confused = sign({ realm_access: { roles: ['ombudsman'] } }, publicPem, {
      algorithm: 'HS256',
      subject: 'eve',
      expiresIn: 300,
      issuer: idp.issuer,
      audience: AUDIENCE,
      keyid: first.kid,
    });
    await get(confused).expect(401);
  });

  it('follows a key rotation: new tokens pass, old ones fail once their key left the set', async () => {
    const second = await newSigningKey('key-2026-02');
    const oldToken = await keycloakToken(first);
    await get(oldToken).expect(200);
    idp.publish(second);
    await new Promise((resolve) => setTimeout(resolve, COOLDOWN_MS + 100));
    const newToken = await keycloakToken(second);
    await get(newToken).expect(200);
    const res = await get(oldToken).expect(401);
    expect(res.body.detail).toMatch(/key the identity provider does not list/);
    await get(newToken).expect(200);
  });

  it('fetches the key set at most once per cooldown under a flood of unknown kids', async () => {
    const current = await newSigningKey('key-2026-03');
    idp.publish(current);
    await new Promise((resolve) => setTimeout(resolve, COOLDOWN_MS + 100));
    await get(await keycloakToken(current)).expect(200);
    const before = idp.fetches();
    const started = Date.now();
    const flood = await Promise.all(
      Array.from(
        { length: 40 },
        async (_, i) => (await get(await keycloakToken(current, {}, `made-up-${i}`))).status,
      ),
    );
    const elapsed = Date.now() - started;
    expect(new Set(flood)).toEqual(new Set([401]));
    expect(idp.fetches() - before).toBeLessThanOrEqual(Math.ceil(elapsed / COOLDOWN_MS));
  });

  it('answers 503 while the IdP cannot serve its keys, trying again at most once per cooldown', async () => {
    const unseen = await newSigningKey('key-2026-04');
    idp.fail(true);
    await new Promise((resolve) => setTimeout(resolve, COOLDOWN_MS + 100));
    const before = idp.fetches();
    const started = Date.now();
    const statuses = [];
    for (let i = 0; i < 10; i += 1) statuses.push((await get(await keycloakToken(unseen))).status);
    const elapsed = Date.now() - started;
    idp.fail(false);
    expect(new Set(statuses)).toEqual(new Set([503]));
    expect(idp.fetches() - before).toBeLessThanOrEqual(Math.ceil(elapsed / COOLDOWN_MS));
  });
});
