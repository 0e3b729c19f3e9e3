import { openSecret, sealSecret } from './secret-box';

const KEY = 'a-master-key-that-is-at-least-thirty-two-bytes';

describe('webhook secret box', () => {
  it('opens what it sealed, and never stores the secret in clear', () => {
    const sealed = sealSecret(KEY, 'sub-1', 'whsec_c2VjcmV0');
    expect(sealed.toString('latin1')).not.toContain('whsec_');
    expect(openSecret(KEY, 'sub-1', sealed)).toBe('whsec_c2VjcmV0');
  });

  it('refuses another subscription, another key, or altered bytes', () => {
    const sealed = sealSecret(KEY, 'sub-1', 'whsec_c2VjcmV0');
    expect(() => openSecret(KEY, 'sub-2', sealed)).toThrow();
    expect(() => openSecret(`${KEY}-rotated`, 'sub-1', sealed)).toThrow();
    const altered = Buffer.from(sealed);
    altered[altered.length - 1] ^= 1;
    expect(() => openSecret(KEY, 'sub-1', altered)).toThrow();
  });
});
