import fc from 'fast-check';
import { BlockList } from 'node:net';
import { embeddedIpv4, ipv6Bytes } from './ipv6-embedded-ipv4';

const hex = (bytes: Uint8Array) =>
  Array.from({ length: 8 }, (_, i) => ((bytes[2 * i] << 8) | bytes[2 * i + 1]).toString(16)).join(
    ':',
  );

describe('IPv4 addresses inside IPv6 addresses', () => {
  it('reads the 16 bytes of any textual form of an IPv6 address', () => {
    fc.assert(
      fc.property(fc.ipV6(), (address) => {
        const same = new BlockList();
        same.addAddress(hex(ipv6Bytes(address)), 'ipv6');
        expect(same.check(address, 'ipv6')).toBe(true);
      }),
    );
  });

  it.each([
    ['::ffff:127.0.0.1', 'IPv4-mapped', '127.0.0.1'],
    ['::ffff:a00:1', 'IPv4-mapped', '10.0.0.1'],
    ['::ffff:0:c0a8:101', 'IPv4-translated', '192.168.1.1'],
    ['::7f00:1', 'IPv4-compatible', '127.0.0.1'],
    ['64:ff9b::127.0.0.1', 'NAT64', '127.0.0.1'],
    ['64:ff9b::a9fe:a9fe', 'NAT64', '169.254.169.254'],
    ['2002:c0a8:101::1', '6to4', '192.168.1.1'],
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'Teredo', '127.0.0.1'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo', '192.0.2.45'],
  ])('finds in %s the %s IPv4 address %s', (address, carrier, ipv4) => {
    expect(embeddedIpv4(address)).toEqual({ carrier, ipv4 });
  });

  it.each(['::', '::1', '2606:4700:4700::1111', 'fe80::1', '127.0.0.1'])(
    'finds none in %s',
    (address) => {
      expect(embeddedIpv4(address)).toBeNull();
    },
  );
});
