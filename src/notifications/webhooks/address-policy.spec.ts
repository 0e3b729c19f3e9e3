import fc from 'fast-check';
import { refusedAddressKind } from './address-policy';

const octets = fc.tuple(...Array.from({ length: 4 }, () => fc.integer({ min: 0, max: 255 })));
const hextet = (high: number, low: number) => ((high << 8) | low).toString(16);
/** IPv4 addresses of the refused ranges, and a few of the public ones around them. */
const refusedIpv4 = octets.filter(
  ([a, b, c, d]) => refusedAddressKind(`${a}.${b}.${c}.${d}`) !== null,
);
const publicIpv4 = octets.filter(
  ([a, b, c, d]) => refusedAddressKind(`${a}.${b}.${c}.${d}`) === null,
);

/** Every IPv6 form that carries the IPv4 address a.b.c.d. */
function carriers([a, b, c, d]: number[]): Record<string, string> {
  const high = hextet(a, b);
  const low = hextet(c, d);
  return {
    mapped: `::ffff:${a}.${b}.${c}.${d}`,
    mappedHex: `::ffff:${high}:${low}`,
    translated: `::ffff:0:${high}:${low}`,
    compatible: `::${a}.${b}.${c}.${d}`,
    nat64: `64:ff9b::${high}:${low}`,
    sixToFour: `2002:${high}:${low}::1`,
    teredo: `2001:0:4136:e378:8000:63bf:${hextet(a ^ 0xff, b ^ 0xff)}:${hextet(c ^ 0xff, d ^ 0xff)}`,
  };
}

describe('webhook address policy', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.10', 'private'],
    ['169.254.169.254', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['100.64.0.1', 'shared (carrier-grade NAT)'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['fc00::1', 'unique-local'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['ff02::1', 'multicast'],
  ])('refuses %s as %s', (address, kind) => {
    expect(refusedAddressKind(address)).toBe(kind);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'lets the public address %s through',
    (address) => {
      expect(refusedAddressKind(address)).toBeNull();
    },
  );

  it.each([
    ['64:ff9b::7f00:1', 'NAT64 embedding 127.0.0.1 (loopback)'],
    ['64:ff9b::10.0.0.1', 'NAT64 embedding 10.0.0.1 (private)'],
    ['64:ff9b::8.8.8.8', 'NAT64'],
    ['64:ff9b:1::8.8.8.8', 'NAT64 (local-use)'],
    ['2002:7f00:1::1', '6to4 embedding 127.0.0.1 (loopback)'],
    ['2002:808:808::1', '6to4'],
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'Teredo embedding 127.0.0.1 (loopback)'],
    ['2001:0:4136:e378:8000:63bf:f7f7:f7f7', 'Teredo'],
    ['::7f00:1', 'IPv4-compatible embedding 127.0.0.1 (loopback)'],
    ['::8.8.8.8', 'IPv4-compatible'],
    ['::2', 'IPv4-compatible embedding 0.0.0.2 (unspecified)'],
    ['::0.0.0.255', 'IPv4-compatible embedding 0.0.0.255 (unspecified)'],
    ['::ffff:0:7f00:1', 'IPv4-translated embedding 127.0.0.1 (loopback)'],
    ['fe80::1%eth0', 'link-local'],
  ])('refuses the IPv6 transition address %s as %s', (address, kind) => {
    expect(refusedAddressKind(address)).toBe(kind);
  });

  it('refuses every IPv6 form that carries a refused IPv4 address', () => {
    fc.assert(
      fc.property(refusedIpv4, (ipv4) => {
        for (const address of Object.values(carriers(ipv4))) {
          expect(refusedAddressKind(address)).not.toBeNull();
        }
      }),
    );
  });

  it('refuses NAT64, 6to4, Teredo and IPv4-compatible addresses whatever IPv4 they carry', () => {
    fc.assert(
      fc.property(publicIpv4, (ipv4) => {
        const { compatible, nat64, sixToFour, teredo, mapped, translated } = carriers(ipv4);
        for (const address of [compatible, nat64, sixToFour, teredo]) {
          expect(refusedAddressKind(address)).not.toBeNull();
        }
        expect(refusedAddressKind(mapped)).toBeNull();
        expect(refusedAddressKind(translated)).toBeNull();
      }),
    );
  });

  it('refuses what is not an IP address at all', () => {
    expect(refusedAddressKind('localhost')).toBe('not an IP address');
  });
});
