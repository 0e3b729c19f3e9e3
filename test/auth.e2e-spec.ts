import { generateKeyPairSync } from 'node:crypto';
import { sign } from 'jsonwebtoken';
import { startTestApp, TEST_JWT_SECRET, TestApp } from './support/test-app';

const ROUTE = '/v1/admin/audit/verify';

function b64(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('staff authentication with HS256 tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('lets an ombudsman with a valid token in', async () => {
    await t
      .http()
      .get(ROUTE)
      .set('authorization', `Bearer ${t.token('ombudsman')}`)
      .expect(200);
  });

  it('refuses a request without a token with 401 and WWW-Authenticate', async () => {
    const res = await t.http().get(ROUTE).expect(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer /);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('refuses a token signed with another secret', async () => {
    const forged = sign(
      { roles: ['ombudsman'] },
      'another-secret-of-sufficient-length-0123456789',
      {
        subject: 'mallory',
        expiresIn: 600,
      },
    );
    const res = await t.http().get(ROUTE).set('authorization', `Bearer ${forged}`).expect(401);
    expect(res.body.code).toBe('AUTH_UNAUTHENTICATED');
  });

  it('refuses an unsigned token (alg: none)', async () => {
    const exp = Math.floor(Date.now() / 1000) + 600;
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'mallory', roles: ['ombudsman'], exp })}.`;
    await t.http().get(ROUTE).set('authorization', `Bearer ${none}`).expect(401);
  });

  it('refuses an expired token and says so', async () => {
    const expired = sign(
      { roles: ['ombudsman'], exp: Math.floor(Date.now() / 1000) - 60 },
      TEST_JWT_SECRET,
      { subject: 'alice' },
    );
    const res = await t.http().get(ROUTE).set('authorization', `Bearer ${expired}`).expect(401);
    expect(res.body.detail).toMatch(/expired/);
    expect(res.headers['www-authenticate']).toBeDefined();
  });

  it('refuses a token without an expiry', async () => {
    const eternal = sign({ roles: ['ombudsman'] }, TEST_JWT_SECRET, { subject: 'alice' });
    const res = await t.http().get(ROUTE).set('authorization', `Bearer ${eternal}`).expect(401);
    expect(res.body.detail).toMatch(/exp/);
  });

  it('refuses a token signed with another algorithm than the configured one', async () => {
    const hs512 = sign({ roles: ['ombudsman'] }, TEST_JWT_SECRET, {
      subject: 'alice',
      algorithm: 'HS512',
      expiresIn: 600,
    });
    await t.http().get(ROUTE).set('authorization', `Bearer ${hs512}`).expect(401);
  });

  it('refuses a role the route does not allow with 403', async () => {
    const res = await t
      .http()
      .get(ROUTE)
      .set('authorization', `Bearer ${t.token('ombudsman_officer')}`)
      .expect(403);
    expect(res.body.code).toBe('AUTH_FORBIDDEN');
  });

  it('refuses a front-line agent on an ombudsman route', async () => {
    await t
      .http()
      .get(ROUTE)
      .set('authorization', `Bearer ${t.token('frontline_agent')}`)
      .expect(403);
  });

  it('refuses a token holding both a front-line and an ombudsman role', async () => {
    const both = t.token(['frontline_agent', 'ombudsman']);
    const res = await t.http().get(ROUTE).set('authorization', `Bearer ${both}`).expect(403);
    expect(res.body.code).toBe('AUTH_BOTH_SIDES');
  });

  it('lets an auditor read the verification', async () => {
    await t
      .http()
      .get(ROUTE)
      .set('authorization', `Bearer ${t.token('auditor')}`)
      .expect(200);
  });

  it('ignores roles it does not know', async () => {
    await t
      .http()
      .get(ROUTE)
      .set('authorization', `Bearer ${t.token(['admin' as never])}`)
      .expect(403);
  });
});

describe('staff authentication with RS256 tokens', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { JWT_PUBLIC_KEY: publicPem, JWT_SECRET: '' } });
  });
  afterAll(() => t.close());

  it('accepts a token signed with the private key', async () => {
    const token = sign({ roles: ['auditor'] }, privateKey, {
      algorithm: 'RS256',
      subject: 'ivy',
      expiresIn: 600,
    });
    await t.http().get(ROUTE).set('authorization', `Bearer ${token}`).expect(200);
  });

  it('refuses an HS256 token signed with the public key (algorithm confusion)', async () => {
    const confused = sign({ roles: ['auditor'] }, publicPem, {
      algorithm: 'HS256',
      subject: 'eve',
      expiresIn: 600,
    });
    await t.http().get(ROUTE).set('authorization', `Bearer ${confused}`).expect(401);
  });
});
