import { mentionToken, recogniseExact } from './exact-search';
import { decodeQueuePosition, encodeQueueCursor, encodeQueuePosition } from './queue-cursor';

describe('recognising what staff type', () => {
  it.each([
    ['OMB-2025-000123', 'reference', 'OMB-2025-000123'],
    ['omb-2025-000123', 'reference', 'OMB-2025-000123'],
    ['OMB2025000123', 'reference', 'OMB-2025-000123'],
    [' omb 2025 000123 ', 'reference', 'OMB-2025-000123'],
    ['CMP-000042', 'complaintReference', 'CMP-000042'],
    ['cmp000042', 'complaintReference', 'CMP-000042'],
    ['  Anna.Petrova@Mail.Example.RU ', 'email', 'anna.petrova@mail.example.ru'],
    ['C-1009', 'customerNumber', 'c-1009'],
    ['100245', 'customerNumber', '100245'],
    ['2025-0001', 'referencePrefix', 'OMB-2025-0001'],
    ['omb-2025-00', 'referencePrefix', 'OMB-2025-00'],
    ['OMB2025', 'referencePrefix', 'OMB-2025-'],
    ['Anna.Petrova@', 'emailPrefix', 'anna.petrova@'],
    ['anna_p@mail', 'emailPrefix', 'anna_p@mail'],
  ])('reads %j as a %s (%s)', (q, kind, value) => {
    expect(recogniseExact(q)).toEqual({ kind, value });
  });

  it.each([
    'refund',
    '@example.org',
    '@mail.example',
    'anna @',
    'refund 2025',
    'возврат',
    '退款',
    'a b@c.d',
  ])('leaves %j to the free-text search', (q) => {
    expect(recogniseExact(q)).toBeNull();
  });
});

describe('the identifier whose mentions are the rest of a search', () => {
  it.each([
    ['OMB2025000123', 'omb-2025-000123'],
    ['CMP-000042', 'cmp-000042'],
    ['Anna.Petrova+news@Mail.Example.RU', 'anna.petrova+news@mail.example.ru'],
  ])('is the whole identifier for %j', (q, token) => {
    const key = recogniseExact(q);
    expect(key && mentionToken(key)).toBe(token);
  });

  it.each(['C-1009', '2024', '2025-0001', 'anna.petrova@', 'анна@почта.рф', '-anna@mail.ru'])(
    'is none for %j, whose rest is the free-text search',
    (q) => {
      const key = recogniseExact(q);
      expect(key && mentionToken(key)).toBeNull();
    },
  );
});

describe('the position of a queue page', () => {
  const key = {
    createdAt: '2026-01-02T03:04:05.123456Z',
    id: '0f5c9a1e-6b1d-4c3e-9b7a-2f4d8e1c0a9b',
  };

  it('starts a search with the exact phase', () => {
    expect(decodeQueuePosition(undefined)).toEqual({ phase: 'exact', after: null });
  });

  it('round-trips both phases, and reads an older plain cursor as the rest', () => {
    for (const position of [
      { phase: 'exact', after: key },
      { phase: 'rest', after: null },
      { phase: 'rest', after: key },
    ] as const)
      expect(decodeQueuePosition(encodeQueuePosition(position))).toEqual(position);
    expect(decodeQueuePosition(encodeQueueCursor(key))).toEqual({ phase: 'rest', after: key });
  });

  it('refuses a cursor it did not hand out', () => {
    const forged = Buffer.from(JSON.stringify(['x', 'yesterday', 'me'])).toString('base64url');
    expect(() => decodeQueuePosition(forged)).toThrow('cursor is not valid');
    expect(() => decodeQueuePosition('%%%')).toThrow('cursor is not valid');
  });
});
