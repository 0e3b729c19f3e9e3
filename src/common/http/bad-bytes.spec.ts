import { findBadBytes } from './bad-bytes';

const ok = { host: 'x', accept: 'application/json' };

describe('findBadBytes', () => {
  it('lets ordinary requests through, any Unicode included', () => {
    expect(findBadBytes('/v1/admin/cases/OMB-2026-000001', ok)).toBeUndefined();
    expect(findBadBytes('/v1/admin/cases?q=%D0%90%D0%BD%D0%BD%D0%B0+%E4%BD%A0&limit=5', ok)).toBe(
      undefined,
    );
    expect(findBadBytes('/health/live', { 'user-agent': 'caf\u00c3\u00a9\tx' })).toBeUndefined();
  });

  it('finds NUL and control characters in the path and the query string', () => {
    expect(findBadBytes('/v1/admin/cases/OMB%00', ok)).toBe('the path');
    expect(findBadBytes('/v1/admin/cases/OMB%C2%85', ok)).toBe('the path');
    expect(findBadBytes('/v1/admin/cases?q=a%00b', ok)).toBe('the query string');
    expect(findBadBytes('/v1/admin/cases?q=%1B[31m', ok)).toBe('the query string');
  });

  it('finds percent-escapes that are not UTF-8, lone surrogates included', () => {
    expect(findBadBytes('/v1/admin/cases/%E0%A4%A', ok)).toBe('the path');
    expect(findBadBytes('/v1/admin/cases?q=%FF', ok)).toBe('the query string');
    expect(findBadBytes('/v1/admin/cases?q=%ED%A0%80', ok)).toBe('the query string');
  });

  it('finds control characters in a header, naming it', () => {
    expect(findBadBytes('/', { 'idempotency-key': 'a\u0001b' })).toBe('the idempotency-key header');
    expect(findBadBytes('/', { 'x-many': ['ok', 'b\u007f'] })).toBe('the x-many header');
  });
});
