import { DomainError } from '../errors/domain-error';
import { findUnsafeField, refuseUnsafeBody } from './body-guard';

const fieldOf = (body: unknown) => findUnsafeField(body)?.field;

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
    expect(() => refuseUnsafeBody(undefined)).not.toThrow();
  });

  it('refuses one as a validation error naming the field', () => {
    try {
      refuseUnsafeBody({ customer: { toLocaleString: 'x' } });
      throw new Error('not refused');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).errors).toEqual([
        { field: 'customer.toLocaleString', message: 'property toLocaleString should not exist' },
      ]);
    }
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
