import { keyHash, openResponse, requestHash, sealResponse } from './response-cipher';

describe('the idempotency response cipher', () => {
  const body = { reference: 'OMB-2026-000001', accessToken: 'secret-token-Привет-你好' };

  it('opens what it sealed with the same scope and key', () => {
    const sealed = sealResponse('escalations', 'key-1', body);
    expect(openResponse('escalations', 'key-1', sealed)).toEqual(body);
  });

  it('never leaves the plaintext in the sealed bytes', () => {
    const sealed = sealResponse('escalations', 'key-1', body);
    expect(sealed.includes(Buffer.from('secret-token'))).toBe(false);
    expect(sealed.includes(Buffer.from('OMB-2026'))).toBe(false);
  });

  it('refuses another key or another scope', () => {
    const sealed = sealResponse('escalations', 'key-1', body);
    expect(() => openResponse('escalations', 'key-2', sealed)).toThrow();
    expect(() => openResponse('other', 'key-1', sealed)).toThrow();
  });

  it('refuses bytes that were tampered with', () => {
    const sealed = sealResponse('escalations', 'key-1', body);
    sealed[sealed.length - 1] ^= 1;
    expect(() => openResponse('escalations', 'key-1', sealed)).toThrow();
  });

  it('hashes requests regardless of key order, and keys per scope', () => {
    expect(requestHash({ a: 1, b: [1, 2] })).toBe(requestHash({ b: [1, 2], a: 1 }));
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: 2 }));
    expect(keyHash('a', 'k')).not.toBe(keyHash('b', 'k'));
    expect(keyHash('a', 'k')).toMatch(/^[0-9a-f]{64}$/);
  });
});
