import { isNotBlank } from './is-not-blank';

describe('isNotBlank', () => {
  it('refuses empty and whitespace-only strings, in any script', () => {
    for (const value of ['', ' ', '\n\t ', '\u3000', undefined, null]) {
      expect(isNotBlank(value)).toBe(false);
    }
  });

  it('accepts any text with something in it, and non-strings that are present', () => {
    for (const value of ['a', ' Анна ', '退款', 0, false]) expect(isNotBlank(value)).toBe(true);
  });
});
