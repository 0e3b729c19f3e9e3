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

  it('a request with no credentials is challenged without an error parameter', async () => {
    for (const authorization of [undefined, 'Basic YWxpY2U6c2VjcmV0', 'Bearer']) {
      const request = t.http().get(ROUTE);
      if (authorization) void request.set('authorization', authorization);
      const res = await request.expect(401);
      expect({ authorization, challenge: res.headers['www-authenticate'] }).toEqual({
        authorization,
        challenge: 'Bearer realm="ombudsman"',
      });
    }
  });

  it('a token that was sent and failed is challenged with error="invalid_token"', async () => {
    const expired = sign(
      { roles: ['ombudsman'], exp: Math.floor(Date.now() / 1000) - 60 },
      TEST_JWT_SECRET,
      { subject: 'alice' },
    );
    for (const token of [expired, 'not.a.jwt']) {
      const res = await t.http().get(ROUTE).set('authorization', `Bearer ${token}`).expect(401);
      expect(res.headers['www-authenticate']).toBe(
        'Bearer realm="ombudsman", error="invalid_token"',
      );
    }
  });

  it('a customer route without the case access token is challenged without an error parameter', async () => {
    const res = await t.http().get('/v1/escalations/OMB-2026-000001').expect(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="ombudsman"');
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

  it('refuses an auditor who also holds a front-line role', async () => {
    const res = await t
      .http()
      .get(ROUTE)
      .set('authorization', `Bearer ${t.token(['auditor', 'frontline_agent'])}`)
      .expect(403);
    expect(res.body.code).toBe('AUTH_BOTH_SIDES');
  });

  it('refuses an integration that also holds the auditor role on a company route', async () => {
    const res = await t
      .http()
      .get('/v1/frontline/complaints')
      .set('authorization', `Bearer ${t.token(['integration', 'auditor'])}`)
      .expect(403);
    expect(res.body.code).toBe('AUTH_BOTH_SIDES');
  });

  it('refuses a token that does not say when it was issued', async () => {
    const undated = sign({ roles: ['ombudsman'] }, TEST_JWT_SECRET, {
      subject: 'alice',
      expiresIn: 600,
      noTimestamp: true,
    });
    const res = await t.http().get(ROUTE).set('authorization', `Bearer ${undated}`).expect(401);
    expect(res.body.detail).toMatch(/\(iat\)/);
  });

  it('refuses a token that lives longer than twelve hours', async () => {
    const lasting = sign({ roles: ['ombudsman'] }, TEST_JWT_SECRET, {
      subject: 'alice',
      expiresIn: 12 * 3600 + 1,
    });
    const res = await t.http().get(ROUTE).set('authorization', `Bearer ${lasting}`).expect(401);
    expect(res.body.detail).toMatch(/exp − iat/);
  });

  it('refuses a token issued in the future', async () => {
    const now = Math.floor(Date.now() / 1000);
    const early = sign({ roles: ['ombudsman'], iat: now + 600, exp: now + 3600 }, TEST_JWT_SECRET, {
      subject: 'alice',
    });
    const res = await t.http().get(ROUTE).set('authorization', `Bearer ${early}`).expect(401);
    expect(res.body.detail).toMatch(/future/);
  });

  it('tolerates a few seconds of clock skew on the expiry, and no more', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = (exp: number) =>
      sign({ roles: ['ombudsman'], iat: now - 600, exp }, TEST_JWT_SECRET, { subject: 'alice' });
    await t
      .http()
      .get(ROUTE)
      .set('authorization', `Bearer ${token(now - 5)}`)
      .expect(200);
    await t
      .http()
      .get(ROUTE)
      .set('authorization', `Bearer ${token(now - 45)}`)
      .expect(401);
  });

  it('refuses a token that marks a header extension critical', async () => {
    const critical = sign({ roles: ['ombudsman'] }, TEST_JWT_SECRET, {
      subject: 'alice',
      expiresIn: 600,
      header: {
        alg: 'HS256',
        crit: ['urn:example:policy'],
        'urn:example:policy': 'strict',
      } as never,
    });
    const res = await t.http().get(ROUTE).set('authorization', `Bearer ${critical}`).expect(401);
    expect(res.body.detail).toMatch(/crit/);
  });

  it('ignores roles it does not know', async () => {
    await t
      .http()
      .get(ROUTE)
      .set('authorization', `Bearer ${t.token(['admin' as never])}`)
      .expect(403);
  });
});

describe('staff authentication with an issuer and an audience configured', () => {
  const ISSUER = 'https://idp.example/realms/office';
  const AUDIENCE = 'ombudsman-api';
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE } });
  });
  afterAll(() => t.close());

  const signed = (options: { issuer?: string; audience?: string | string[] }) =>
    sign({ roles: ['auditor'] }, TEST_JWT_SECRET, { subject: 'ivy', expiresIn: 600, ...options });

  it('lets in a token from the issuer for the audience', async () => {
    await t
      .http()
      .get(ROUTE)
      .set('authorization', `Bearer ${t.token('auditor')}`)
      .expect(200);
    const several = signed({ issuer: ISSUER, audience: ['crm', AUDIENCE] });
    await t.http().get(ROUTE).set('authorization', `Bearer ${several}`).expect(200);
  });

  it.each([
    ['another issuer', { issuer: 'https://idp.example/realms/company', audience: AUDIENCE }, 'iss'],
    ['no issuer', { audience: AUDIENCE }, 'iss'],
    ['another audience', { issuer: ISSUER, audience: 'crm' }, 'aud'],
    ['no audience', { issuer: ISSUER }, 'aud'],
  ])('refuses a token with %s', async (_, options, claim) => {
    const res = await t
      .http()
      .get(ROUTE)
      .set('authorization', `Bearer ${signed(options)}`)
      .expect(401);
    expect(res.body.detail).toContain(`(${claim})`);
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
