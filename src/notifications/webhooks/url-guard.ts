import { lookup } from 'node:dns/promises';
import { LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { refusedAddressKind } from './address-policy';

/** Why a URL was refused, in words an administrator can act on. */
export class RefusedUrl extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'RefusedUrl';
  }
}

/**
 * Resolves the URL's host and checks every address it resolves to; the delivery then connects to
 * exactly these addresses, so a DNS answer that changes between check and connect (rebinding)
 * cannot redirect it. Run at subscription time and again before every attempt; `lookupHost` is
 * the system resolver except in tests.
 */
export async function resolveWebhookTarget(
  url: URL,
  allowPrivate: boolean,
  lookupHost: (host: string) => Promise<LookupAddress[]> = resolve,
): Promise<LookupAddress[]> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RefusedUrl('only http and https URLs are allowed');
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookupHost(host);
  if (allowPrivate) return addresses;
  for (const { address } of addresses) {
    const kind = refusedAddressKind(address);
    if (kind !== null) {
      throw new RefusedUrl(
        `${host} resolves to ${address}, refused as ${kind} (set WEBHOOK_ALLOW_PRIVATE=true to allow)`,
      );
    }
  }
  return addresses;
}

async function resolve(host: string): Promise<LookupAddress[]> {
  try {
    const addresses = await lookup(host, { all: true, verbatim: true });
    if (addresses.length === 0) throw new RefusedUrl(`${host} does not resolve to any address`);
    return addresses;
  } catch (error) {
    if (error instanceof RefusedUrl) throw error;
    throw new RefusedUrl(`${host} could not be resolved (${(error as { code?: string }).code})`);
  }
}
