import { DomainError } from '../../common/errors/domain-error';
import { decodeCursor } from '../../common/pagination/cursor';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Webhook lists page on an identity column, newest first: `[position]` as a decimal string. */
export function decodePositionCursor(cursor: string): string {
  const [position] = decodeCursor(cursor, ['string']) as [string];
  if (!/^\d{1,18}$/.test(position)) {
    throw new DomainError('VALIDATION_FAILED', 'cursor is not valid', {}, [
      { field: 'cursor', message: 'cursor must be a value returned as nextCursor' },
    ]);
  }
  return position;
}
