import { DomainError } from '../../common/errors/domain-error';
import { decodeCursor, encodeCursor } from '../../common/pagination/cursor';

/**
 * The queue's keyset: (created_at, id), newest first. The time travels as PostgreSQL's own
 * microsecond text, because a JavaScript Date keeps only milliseconds and two cases filed in the
 * same millisecond would otherwise be skipped or repeated at a page boundary.
 */
export interface QueueKey {
  readonly createdAt: string;
  readonly id: string;
}

const MICROSECOND_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeQueueCursor(key: QueueKey): string {
  return encodeCursor([key.createdAt, key.id]);
}

function isRealInstant(at: string): boolean {
  const milliseconds = `${at.slice(0, 23)}Z`;
  const parsed = new Date(milliseconds);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString() === milliseconds;
}

/** A cursor that does not decode to values PostgreSQL accepts answers 400, not 500. */
export function decodeQueueCursor(cursor: string): QueueKey {
  const [createdAt, id] = decodeCursor(cursor, ['string', 'string']) as [string, string];
  if (!MICROSECOND_UTC.test(createdAt) || !isRealInstant(createdAt) || !UUID.test(id)) {
    throw new DomainError('VALIDATION_FAILED', 'cursor is not valid', {}, [
      { field: 'cursor', message: 'cursor must be a value returned as nextCursor' },
    ]);
  }
  return { createdAt, id };
}

/**
 * Where a page of the queue starts. A search for an identifier (src/cases/queue/exact-search.ts)
 * walks two phases in one keyset order: the cases it names exactly, then the other matches.
 */
export type QueuePosition =
  | { readonly phase: 'exact'; readonly after: QueueKey | null }
  | { readonly phase: 'rest'; readonly after: QueueKey | null };

const EXACT_PHASE = 'x';
const REST_PHASE = 'r';

export function encodeQueuePosition(position: QueuePosition): string {
  if (position.phase === 'rest')
    return position.after ? encodeQueueCursor(position.after) : encodeCursor([REST_PHASE]);
  if (!position.after) throw new Error('an exact phase continues after a case');
  return encodeCursor([EXACT_PHASE, position.after.createdAt, position.after.id]);
}

/** No cursor starts with the exact phase; a plain (created_at, id) cursor continues the rest. */
export function decodeQueuePosition(cursor: string | undefined): QueuePosition {
  if (cursor === undefined) return { phase: 'exact', after: null };
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    raw = undefined;
  }
  if (Array.isArray(raw) && raw.length === 1 && raw[0] === REST_PHASE)
    return { phase: 'rest', after: null };
  if (Array.isArray(raw) && raw.length === 3 && raw[0] === EXACT_PHASE)
    return {
      phase: 'exact',
      after: decodeQueueCursor(encodeCursor(raw.slice(1) as (string | number)[])),
    };
  return { phase: 'rest', after: decodeQueueCursor(cursor) };
}
