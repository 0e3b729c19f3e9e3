import { BlockList, isIP } from 'node:net';
import { embeddedIpv4, Ipv4Carrier } from './ipv6-embedded-ipv4';

type Range = readonly [network: string, prefix: number, kind: string];

/**
 * Addresses a webhook may never reach unless private targets are allowed: loopback, private,
 * link-local, unique-local, unspecified, shared (CGNAT), multicast and reserved ranges. Node's
 * BlockList also applies the IPv4 rules to IPv4-mapped IPv6 addresses (`::ffff:127.0.0.1`).
 */
const REFUSED_IPV4: readonly Range[] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared (carrier-grade NAT)'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

const REFUSED_IPV6: readonly Range[] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  // Local-use NAT64 (RFC 8215): the operator chooses where the IPv4 address sits.
  ['64:ff9b:1::', 48, 'NAT64 (local-use)'],
  ['100::', 64, 'reserved'],
  ['fc00::', 7, 'unique-local'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local'],
  ['ff00::', 8, 'multicast'],
];

/**
 * Carriers refused whatever IPv4 address they hold: each hands the connection to a translator or
 * relay that reaches that IPv4 host, out of sight of this check (and of the operator's firewall).
 * Mapped and translated addresses stand for the IPv4 host itself and follow the IPv4 rules.
 */
const REFUSED_CARRIERS: ReadonlySet<Ipv4Carrier> = new Set<Ipv4Carrier>([
  'IPv4-compatible',
  'NAT64',
  '6to4',
  'Teredo',
]);

function rangeLists(ranges: readonly Range[], family: 'ipv4' | 'ipv6') {
  return ranges.map(([network, prefix, kind]) => {
    const list = new BlockList();
    list.addSubnet(network, prefix, family);
    return { list, kind };
  });
}

const IPV4_LISTS = rangeLists(REFUSED_IPV4, 'ipv4');
const IPV6_LISTS = rangeLists(REFUSED_IPV6, 'ipv6');

/**
 * Why an address may not be reached (`loopback`, `private`, `NAT64 embedding 127.0.0.1
 * (loopback)`, …), or null when it is public. A zone index (`fe80::1%eth0`) is ignored: BlockList
 * would not match the address with it.
 */
export function refusedAddressKind(address: string): string | null {
  const bare = address.replace(/%.*$/, '');
  const version = isIP(bare);
  if (version === 0) return 'not an IP address';
  if (version === 4) return ipv4Kind(bare);
  const direct = [...IPV4_LISTS, ...IPV6_LISTS].find(({ list }) => list.check(bare, 'ipv6'));
  if (direct) return direct.kind;
  const embedded = embeddedIpv4(bare);
  if (!embedded) return null;
  const inner = ipv4Kind(embedded.ipv4);
  if (inner) return `${embedded.carrier} embedding ${embedded.ipv4} (${inner})`;
  return REFUSED_CARRIERS.has(embedded.carrier) ? embedded.carrier : null;
}

function ipv4Kind(address: string): string | null {
  return IPV4_LISTS.find(({ list }) => list.check(address, 'ipv4'))?.kind ?? null;
}
