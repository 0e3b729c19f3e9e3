import { QueueFilter, QueueRow, SqlQuery, buildQueueQuery } from './case-queue.sql';
import { recogniseExact } from './exact-search';
import { decodeQueuePosition, encodeQueuePosition, QueueKey } from './queue-cursor';
import { parseSearch } from './search-terms';

export interface QueuePageRequest {
  /** Status, assignee, category and deadline filters; the search and the page come below. */
  readonly filters: Omit<QueueFilter, 'terms' | 'exact' | 'after' | 'fetch'>;
  readonly q?: string;
  readonly cursor?: string;
  readonly limit: number;
}

export interface QueuePageRows {
  readonly rows: QueueRow[];
  readonly nextCursor: string | null;
}

const keyOf = (row: QueueRow): QueueKey => ({ createdAt: row.cursor_at, id: row.id });

/**
 * One page of the queue. A `q` that names a case by an identifier is answered exactly first: the
 * first pages hold the cases it names (an index probe, milliseconds at any size), and only once
 * those are served do the other free-text matches follow, without the named ones, newest first.
 * A page may therefore hold fewer than `limit` items; only `nextCursor: null` means the end.
 */
export async function queuePage(
  request: QueuePageRequest,
  run: (sql: SqlQuery) => Promise<QueueRow[]>,
): Promise<QueuePageRows> {
  const { filters, q, limit } = request;
  const exact = q === undefined ? null : recogniseExact(q);
  const terms = q === undefined ? [] : parseSearch(q);
  const position = decodeQueuePosition(request.cursor);
  const fetch = limit + 1;
  if (exact && position.phase === 'exact') {
    const rows = await run(
      buildQueueQuery({
        ...filters,
        terms,
        exact: { key: exact, mode: 'only' },
        after: position.after,
        fetch,
      }),
    );
    if (rows.length > 0) {
      const served = rows.slice(0, limit);
      const last = keyOf(served[served.length - 1]);
      return {
        rows: served,
        nextCursor: encodeQueuePosition(
          rows.length > limit ? { phase: 'exact', after: last } : { phase: 'rest', after: null },
        ),
      };
    }
  }
  const after = position.phase === 'rest' ? position.after : null;
  const rows = await run(
    buildQueueQuery({
      ...filters,
      terms,
      exact: exact ? { key: exact, mode: 'exclude' } : undefined,
      after,
      fetch,
    }),
  );
  const served = rows.slice(0, limit);
  return {
    rows: served,
    nextCursor:
      rows.length > limit
        ? encodeQueuePosition({ phase: 'rest', after: keyOf(served[served.length - 1]) })
        : null,
  };
}
