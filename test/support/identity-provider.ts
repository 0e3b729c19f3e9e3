import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, JWK, KeyLike, SignJWT } from 'jose';

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyLike;
  readonly publicJwk: JWK;
}

export interface IdentityProvider {
  /** Where the service fetches the key set (`JWT_JWKS_URL`). */
  readonly jwksUrl: string;
  readonly issuer: string;
  /** How many times the key set has been fetched. */
  fetches(): number;
  /** Publishes exactly these keys from now on. */
  publish(...keys: SigningKey[]): void;
  /** Answers 500 to every fetch while true. */
  fail(failing: boolean): void;
  close(): Promise<void>;
}

export async function newSigningKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return {
    kid,
    privateKey,
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
  };
}

/** A real JWKS endpoint on 127.0.0.1, as Keycloak or Entra ID serve one. */
export async function startIdentityProvider(): Promise<IdentityProvider> {
  let keys: JWK[] = [];
  let count = 0;
  let failing = false;
  const server: Server = createServer((req, res) => {
    count += 1;
    if (failing) return void res.writeHead(500).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}/realms/office`;
  return {
    jwksUrl: `${base}/protocol/openid-connect/certs`,
    issuer: base,
    fetches: () => count,
    publish: (...published) => {
      keys = published.map((key) => key.publicJwk);
    },
    fail: (value) => {
      failing = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface IdpTokenRequest {
  readonly key: SigningKey;
  readonly claims: Record<string, unknown>;
  readonly issuer?: string;
  readonly audience?: string;
  readonly lifetimeSeconds?: number;
  readonly kid?: string;
}

/** An access token as the IdP issues it: RS256, `kid` in the header, `iat` and `exp`. */
export function idpToken(request: IdpTokenRequest): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  let jwt = new SignJWT(request.claims)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: request.kid ?? request.key.kid })
    .setIssuedAt(now)
    .setExpirationTime(now + (request.lifetimeSeconds ?? 300));
  if (request.issuer) jwt = jwt.setIssuer(request.issuer);
  if (request.audience) jwt = jwt.setAudience(request.audience);
  return jwt.sign(request.key.privateKey);
}
