import { DomainError } from '../errors/domain-error';
import { BodyShapeLimits, bodyRefusal, inspectBody } from './body-guard';

const LIMITS: BodyShapeLimits = { maxNodes: 2_000, maxDepth: 32 };
const fieldOf = (body: unknown) => {
  const found = inspectBody(body, LIMITS);
  return found?.kind === 'unsafe-field' ? found.field : found?.kind;
};

const nested = (levels: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < levels; i += 1) value = i % 2 ? { a: value } : [value];
  return value;
};

describe('inherited keys in a body', () => {
  it('finds a key named like an inherited member, at any depth, with its path', () => {
    expect(fieldOf({ subject: 'x', toString: '' })).toBe('toString');
    expect(fieldOf({ customer: { name: 'A', valueOf: 1 } })).toBe('customer.valueOf');
    expect(fieldOf({ remedies: [{ type: 'refund' }, { hasOwnProperty: true }] })).toBe(
      'remedies.1.hasOwnProperty',
    );
  });

  it('lets ordinary bodies and strings that merely look like such names through', () => {
    expect(fieldOf({ subject: 'toString', text: 'constructor' })).toBeUndefined();
    expect(fieldOf(['valueOf'])).toBeUndefined();
    expect(fieldOf(undefined)).toBeUndefined();
  });

  it('refuses one as a validation error naming the field', () => {
    const found = inspectBody({ customer: { toLocaleString: 'x' } }, LIMITS);
    const error = bodyRefusal(found!, LIMITS);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.errors).toEqual([
      { field: 'customer.toLocaleString', message: 'property toLocaleString should not exist' },
    ]);
  });

  it('reports the first finding in document order', () => {
    expect(fieldOf({ a: { b: 'x\u0000' }, toString: 1 })).toBe('a.b');
    expect(fieldOf([{ valueOf: 1 }, 'y\u0000'])).toBe('0.valueOf');
  });
});

describe('NUL in a body', () => {
  it('finds NUL in a string or a key, with its path, and in a bare string body', () => {
    expect(fieldOf({ contact: { email: 'a\u0000@example.org' } })).toBe('contact.email');
    expect(fieldOf({ tags: ['ok', 'b\u0000d'] })).toBe('tags.1');
    expect(fieldOf({ ['k\u0000']: 1 })).toBe('k\u0000');
    expect(fieldOf('\u0000')).toBe('(body)');
    expect(fieldOf({ text: 'Привет 你好 😀' })).toBeUndefined();
  });
});

describe('the shape of a body', () => {
  it('takes nesting up to the limit and refuses one level more', () => {
    expect(fieldOf(nested(32))).toBeUndefined();
    expect(fieldOf(nested(33))).toBe('too-deep');
  });

  it('walks 100,000 levels without overflowing the stack', () => {
    expect(fieldOf(nested(100_000))).toBe('too-deep');
    expect(inspectBody(nested(100_000), { maxNodes: 1e6, maxDepth: 1e6 })).toBeUndefined();
  });

  it('counts keys and elements at every depth against the limit', () => {
    const wide = (n: number) => ({ list: Array.from({ length: n - 2 }, (_, i) => i), x: 1 });
    expect(fieldOf(wide(2_000))).toBeUndefined();
    expect(fieldOf(wide(2_001))).toBe('too-many-nodes');
  });

  it('answers too deep with 400 and too many with 413 codes', () => {
    expect(bodyRefusal({ kind: 'too-deep' }, LIMITS).code).toBe('BODY_TOO_DEEP');
    expect(bodyRefusal({ kind: 'too-many-nodes' }, LIMITS).code).toBe('BODY_TOO_MANY_FIELDS');
  });
});
