import { ValueTransformer } from 'typeorm';

/**
 * pg returns bigint as a string; money in minor units stays an integer number on the API and
 * refuses anything beyond Number.MAX_SAFE_INTEGER rather than losing precision.
 */
export const bigintToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => {
    if (value === null || value === undefined) return null;
    const n = Number(value);
    if (!Number.isSafeInteger(n))
      throw new RangeError(`bigint ${value} exceeds the safe integer range`);
    return n;
  },
};
