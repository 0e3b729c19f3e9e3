import { BlockList, isIPv4, isIPv6 } from 'node:net';

/** IPv6 forms that carry an IPv4 address in known bits, and so reach an IPv4 host. */
export type Ipv4Carrier =
  'IPv4-mapped' | 'IPv4-translated' | 'IPv4-compatible' | 'NAT64' | '6to4' | 'Teredo';

export interface EmbeddedIpv4 {
  readonly carrier: Ipv4Carrier;
  readonly ipv4: string;
}

/** Where each carrier keeps the IPv4 address: the 32 bits starting at this bit offset. */
const CARRIERS: readonly [Ipv4Carrier, string, number, number][] = [
  ['IPv4-mapped', '::ffff:0:0', 96, 96],
  ['IPv4-translated', '::ffff:0:0:0', 96, 96],
  ['IPv4-compatible', '::', 96, 96],
  ['NAT64', '64:ff9b::', 96, 96],
  ['6to4', '2002::', 16, 16],
  ['Teredo', '2001::', 32, 96],
];

const LISTS = CARRIERS.map(([carrier, network, prefix, offset]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, 'ipv6');
  return { carrier, list, offset };
});

/**
 * The IPv4 address an IPv6 address carries, decoded from its bits: the last 32 bits of mapped,
 * translated, compatible and NAT64 (RFC 6052 well-known prefix) addresses, bits 16-47 of 6to4,
 * and the Teredo client, stored inverted in the last 32 bits. `::` and `::1` carry none.
 */
export function embeddedIpv4(address: string): EmbeddedIpv4 | null {
  if (!isIPv6(address)) return null;
  const found = LISTS.find(({ list }) => list.check(address, 'ipv6'));
  if (!found) return null;
  const bytes = ipv6Bytes(address);
  if (found.carrier === 'IPv4-compatible' && isUnspecifiedOrLoopback(bytes)) return null;
  const start = found.offset / 8;
  const quad = bytes.subarray(start, start + 4);
  const octets = found.carrier === 'Teredo' ? quad.map((b) => b ^ 0xff) : quad;
  return { carrier: found.carrier, ipv4: Array.from(octets).join('.') };
}

/** `::` and `::1` are addresses of their own, not IPv4-compatible forms of 0.0.0.0 and 0.0.0.1. */
function isUnspecifiedOrLoopback(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 15).every((b) => b === 0) && bytes[15] <= 1;
}

/** The 16 bytes of a valid IPv6 address in any textual form (`::`, dotted tail). */
export function ipv6Bytes(address: string): Uint8Array {
  if (!isIPv6(address)) throw new Error(`not an IPv6 address: ${address}`);
  const [head, tail] = address.includes('::') ? address.split('::') : [address, undefined];
  const groups = (text: string) => (text === '' ? [] : text.split(':').flatMap(hextets));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const zeros = new Array<number>(8 - left.length - right.length).fill(0);
  const bytes = new Uint8Array(16);
  [...left, ...zeros, ...right].forEach((group, i) => {
    bytes[2 * i] = group >> 8;
    bytes[2 * i + 1] = group & 0xff;
  });
  return bytes;
}

/** One group of an IPv6 address, or the two groups a dotted IPv4 tail stands for. */
function hextets(group: string): number[] {
  if (!isIPv4(group)) return [parseInt(group, 16)];
  const [a, b, c, d] = group.split('.').map(Number);
  return [(a << 8) | b, (c << 8) | d];
}
