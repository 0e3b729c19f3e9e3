import {
  buildNamedAndMentionsQuery,
  buildQueueQuery,
  QueueFilter,
  QueueRow,
  SqlQuery,
} from './case-queue.sql';
import { ExactKey, mentionToken, recogniseExact } from './exact-search';
import { decodeQueuePosition, encodeQueuePosition, QueueKey } from './queue-cursor';
import { parseSearch, SearchTerm } from './search-terms';

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

/** The rest of a search: the cases mentioning a whole identifier, or the free-text matches. */
function restOf(exact: ExactKey | null): QueueFilter['exact'] {
  if (!exact) return undefined;
  return { key: exact, mode: mentionToken(exact) === null ? 'exclude' : 'mentions' };
}

/**
 * One page of the queue. A `q` that names a case by an identifier is answered exactly first: the
 * first pages hold the cases it names (an index probe, milliseconds at any size), and only once
 * those are served do the other matches follow, without the named ones, newest first.
 *
 * The rest of a whole reference or address (its mentions) is one probe of the identifier-token
 * index, so it fills the page the exact phase left short in the same request: the customer's
 * case and the cases that mention it, usually with no next page. The rest of a prefix or of a
 * customer number is the free-text search, which costs a trigram scan: it starts on the next
 * page, only when asked for. A page may therefore hold fewer than `limit` items; only
 * `nextCursor: null` means the end.
 */
export async function queuePage(
  request: QueuePageRequest,
  run: (sql: SqlQuery) => Promise<QueueRow[]>,
): Promise<QueuePageRows> {
  const { filters, q, limit } = request;
  const exact = q === undefined ? null : recogniseExact(q);
  const terms: SearchTerm[] = q === undefined ? [] : parseSearch(q);
  const position = decodeQueuePosition(request.cursor);
  let served: QueueRow[] = [];
  let restAfter = position.phase === 'rest' ? position.after : null;
  if (exact && position.phase === 'exact') {
    const fetch = limit + 1;
    const wholeIdentifier = mentionToken(exact) !== null;
    const query = { ...filters, terms, exact: { key: exact, mode: 'only' as const } };
    const rows = await run(
      wholeIdentifier
        ? buildNamedAndMentionsQuery({ ...query, after: position.after, fetch })
        : buildQueueQuery({ ...query, after: position.after, fetch }),
    );
    const named = rows.filter((row) => row.phase === 0);
    served = named.slice(0, limit);
    if (named.length > limit)
      return {
        rows: served,
        nextCursor: encodeQueuePosition({ phase: 'exact', after: keyOf(served[limit - 1]) }),
      };
    if (wholeIdentifier)
      return filledPage(
        served,
        rows.filter((row) => row.phase === 1),
        limit,
      );
    if (served.length > 0)
      return { rows: served, nextCursor: encodeQueuePosition({ phase: 'rest', after: null }) };
    restAfter = null;
  }
  const rest = await run(
    buildQueueQuery({
      ...filters,
      terms,
      exact: restOf(exact),
      after: restAfter,
      fetch: limit - served.length + 1,
    }),
  );
  return filledPage(served, rest, limit);
}

/** The served cases, then as many of the rest as the page has room for; the cursor follows. */
function filledPage(served: QueueRow[], rest: QueueRow[], limit: number): QueuePageRows {
  const room = limit - served.length;
  const restServed = rest.slice(0, room);
  const more = rest.length > room;
  return {
    rows: [...served, ...restServed],
    nextCursor: !more
      ? null
      : encodeQueuePosition({
          phase: 'rest',
          after: restServed.length > 0 ? keyOf(restServed[restServed.length - 1]) : null,
        }),
  };
}
