import { DomainError } from '../errors/domain-error';

/**
 * Opaque keyset cursors: the sort key of the last item served, base64url-encoded JSON. Clients must
 * not build them; a cursor that does not decode answers 400.
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(
  cursor: string,
  shape: readonly ('string' | 'number')[],
): (string | number)[] {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const valid =
    Array.isArray(key) &&
    key.length === shape.length &&
    key.every((part, i) => typeof part === shape[i]);
  if (!valid) {
    throw new DomainError('VALIDATION_FAILED', 'cursor is not valid', {}, [
      { field: 'cursor', message: 'cursor must be a value returned as nextCursor' },
    ]);
  }
  return key as (string | number)[];
}

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

/** Builds a page from `limit + 1` fetched rows: the extra row only says whether more exist. */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  map: (row: R) => T,
  keyOf: (row: R) => (string | number)[],
): Page<T> {
  const hasMore = rows.length > limit;
  const served = hasMore ? rows.slice(0, limit) : rows;
  return {
    items: served.map(map),
    nextCursor: hasMore ? encodeCursor(keyOf(served[served.length - 1])) : null,
  };
}
