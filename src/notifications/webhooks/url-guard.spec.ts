import { LookupAddress } from 'node:dns';
import { RefusedUrl, resolveWebhookTarget } from './url-guard';

/** A resolver that answers one host name with the given addresses, as DNS64 or a rebinder would. */
const answering =
  (...addresses: string[]) =>
  (): Promise<LookupAddress[]> =>
    Promise.resolve(
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );

describe('webhook URL guard', () => {
  it.each([
    ['64:ff9b::7f00:1', /NAT64 embedding 127\.0\.0\.1 \(loopback\)/],
    ['2002:a00:1::1', /6to4 embedding 10\.0\.0\.1 \(private\)/],
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', /Teredo embedding 127\.0\.0\.1 \(loopback\)/],
    ['::a9fe:a9fe', /IPv4-compatible embedding 169\.254\.169\.254 \(link-local\)/],
    ['fe80::1%eth0', /link-local/],
  ])('refuses a host name that resolves to %s', async (address, reason) => {
    const url = new URL('https://hooks.example.org/in');
    const refusal = resolveWebhookTarget(url, false, answering('203.0.113.10', address));
    await expect(refusal).rejects.toBeInstanceOf(RefusedUrl);
    await expect(refusal).rejects.toThrow(reason);
  });

  it('lets a host name through when every address it resolves to is public', async () => {
    const url = new URL('https://hooks.example.org/in');
    const lookup = answering('203.0.113.10', '2606:4700:4700::1111');
    await expect(resolveWebhookTarget(url, false, lookup)).resolves.toHaveLength(2);
  });

  it('lets any address through when private targets are allowed', async () => {
    const url = new URL('http://hooks.example.org/in');
    const lookup = answering('64:ff9b::7f00:1', '127.0.0.1');
    await expect(resolveWebhookTarget(url, true, lookup)).resolves.toHaveLength(2);
  });

  it('refuses a literal 6to4 address in the URL itself', async () => {
    const url = new URL('http://[2002:7f00:1::1]:8080/in');
    await expect(resolveWebhookTarget(url, false)).rejects.toThrow(/6to4 embedding 127\.0\.0\.1/);
  });
});
