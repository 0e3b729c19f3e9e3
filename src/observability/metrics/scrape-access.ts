import { createHash, timingSafeEqual } from 'node:crypto';
import { IncomingHttpHeaders } from 'node:http';
import { bearerToken } from '../../auth/bearer';
import { DomainError } from '../../common/errors/domain-error';

/**
 * Who may read `/metrics`: with `METRICS_TOKEN`, whoever sends it as a bearer token; without it,
 * only a caller on this machine that came through no proxy (a proxy on the same host would make
 * every outside caller look local, so a forwarded request is refused).
 */
export function assertMayScrape(
  expectedToken: string | undefined,
  remoteAddress: string | undefined,
  headers: IncomingHttpHeaders,
): void {
  if (expectedToken !== undefined) {
    const given = bearerToken(headers);
    if (given === undefined || !sameSecret(given, expectedToken)) {
      throw new DomainError('AUTH_UNAUTHENTICATED', 'Send the metrics bearer token');
    }
    return;
  }
  const forwarded = headers['x-forwarded-for'] !== undefined || headers.forwarded !== undefined;
  if (forwarded || !isLoopback(remoteAddress)) {
    throw new DomainError(
      'AUTH_FORBIDDEN',
      'Metrics are served to this machine only, unless METRICS_TOKEN is set',
    );
  }
}

export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
