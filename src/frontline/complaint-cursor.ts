import { DomainError } from '../common/errors/domain-error';
import { decodeCursor, encodeCursor } from '../common/pagination/cursor';

/** The keyset of the complaint list: (received_at, id), newest first. */
export interface ComplaintKey {
  readonly receivedAt: Date;
  readonly id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeComplaintCursor(key: ComplaintKey): string {
  return encodeCursor([key.receivedAt.toISOString(), key.id]);
}

/** Decodes a cursor; one that decodes to values PostgreSQL would refuse answers 400 too. */
export function decodeComplaintCursor(cursor: string): ComplaintKey {
  const [at, id] = decodeCursor(cursor, ['string', 'string']) as [string, string];
  const receivedAt = new Date(at);
  if (Number.isNaN(receivedAt.getTime()) || receivedAt.toISOString() !== at || !UUID.test(id)) {
    throw new DomainError('VALIDATION_FAILED', 'cursor is not valid', {}, [
      { field: 'cursor', message: 'cursor must be a value returned as nextCursor' },
    ]);
  }
  return { receivedAt, id };
}
