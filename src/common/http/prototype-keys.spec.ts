import { DomainError } from '../errors/domain-error';
import { findInheritedKey, refuseInheritedKeys } from './prototype-keys';

describe('inherited keys in a body', () => {
  it('finds a key named like an inherited member, at any depth, with its path', () => {
    expect(findInheritedKey({ subject: 'x', toString: '' })).toBe('toString');
    expect(findInheritedKey({ customer: { name: 'A', valueOf: 1 } })).toBe('customer.valueOf');
    expect(findInheritedKey({ remedies: [{ type: 'refund' }, { hasOwnProperty: true }] })).toBe(
      'remedies.1.hasOwnProperty',
    );
  });

  it('lets ordinary bodies and strings that merely look like such names through', () => {
    expect(findInheritedKey({ subject: 'toString', text: 'constructor' })).toBeUndefined();
    expect(findInheritedKey(['valueOf'])).toBeUndefined();
    expect(() => refuseInheritedKeys(undefined)).not.toThrow();
  });

  it('refuses one as a validation error naming the field', () => {
    try {
      refuseInheritedKeys({ customer: { toLocaleString: 'x' } });
      throw new Error('not refused');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).errors).toEqual([
        { field: 'customer.toLocaleString', message: 'property toLocaleString should not exist' },
      ]);
    }
  });
});
