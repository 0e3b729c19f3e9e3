import type { CaseStatus } from '../case-lifecycle';
import type { QueueKey } from './queue-cursor';
import { escapeLike, exactCondition, ExactKey, exactValue, mentionToken } from './exact-search';
import type { SearchTerm } from './search-terms';

export type AssigneeFilter = { readonly officerId: string } | 'unassigned';

export interface QueueFilter {
  readonly statuses: readonly CaseStatus[];
  readonly assignee: AssigneeFilter | null;
  readonly category: string | null;
  readonly terms: readonly SearchTerm[];
  /**
   * An identifier the `q` was recognised as: `only` lists the cases it names (the exact phase),
   * `exclude` the free-text matches other than those (the rest), `mentions` the other cases whose
   * text holds the identifier as a token (the rest of a whole reference or address, see
   * mentionToken), so no case appears twice.
   */
  readonly exact?: { readonly key: ExactKey; readonly mode: 'only' | 'exclude' | 'mentions' };
  /** Cases with a deadline past due and still owed, or one at 80% of its time. */
  readonly breached?: boolean;
  readonly atRisk?: boolean;
  readonly after: QueueKey | null;
  /** Rows to fetch: the page size plus one, which only says whether there is a next page. */
  readonly fetch: number;
}

export interface QueueRow {
  readonly id: string;
  readonly reference: string;
  readonly status: string;
  readonly outcome: string | null;
  readonly category: string;
  readonly language: string;
  readonly subject: string;
  readonly customer_name: string;
  readonly assigned_officer_id: string | null;
  readonly assigned_officer_name: string | null;
  readonly created_at: Date;
  readonly updated_at: Date;
  readonly version: number;
  /** created_at to the microsecond, for the cursor. */
  readonly cursor_at: string;
  /** 0: a case the identifier names; 1: one of the rest (src/cases/queue/queue-page.ts). */
  readonly phase: number;
}

export interface SqlQuery {
  readonly text: string;
  readonly values: unknown[];
}

/** Written as the partial indexes ix_case_deadline_breached_open / _at_risk_open are. */
const FLAGGED = {
  breached: (d: string) =>
    `${d}.breached_at IS NOT NULL AND ${d}.met_at IS NULL AND ${d}.cancelled_at IS NULL`,
  atRisk: (d: string) =>
    `${d}.at_risk_at IS NOT NULL AND ${d}.breached_at IS NULL AND ${d}.met_at IS NULL
       AND ${d}.cancelled_at IS NULL`,
} as const;
type Flag = keyof typeof FLAGGED;

/**
 * The flag whose deadlines a queue SELECT is read from, in queue order, or null. The cases an
 * identifier names or that mention it are a handful found by their own index, so they are only
 * probed for their deadlines, as is the second flag when both are asked for. With both, the
 * at-risk deadlines lead: they are only those inside the last fifth of their time, where breached
 * ones pile up with the backlog (202 against 411,558 in the million-case office; led by the
 * breached ones, a query for both read them all, 7.7 s).
 */
function drivingFlag(filter: QueueFilter): Flag | null {
  if (filter.exact && filter.exact.mode !== 'exclude') return null;
  return filter.atRisk ? 'atRisk' : filter.breached ? 'breached' : null;
}

const FLAGS: readonly Flag[] = ['breached', 'atRisk'];

/**
 * The FROM of a queue SELECT and the two columns of its queue order, (created_at, id) of the
 * case, which its ORDER BY and its page cursor use. A flag filter starts from its deadlines,
 * whose index is ordered by their case's (created_at, id) (migration 1767400001000): the page is
 * its first entries and a primary-key lookup each, where walking the cases and probing each for
 * a flagged deadline would pass every case filed since the last breach. A case with two flagged
 * deadlines appears once, through the first of them (the NOT EXISTS probes the same index
 * entry's neighbours).
 *
 * The subquery is a plain one, which PostgreSQL pulls up into the page's SELECT: the planner
 * costs it for the page's LIMIT, and the cursor on its columns becomes a condition of the index
 * scan. A DISTINCT ON subquery is planned for all of its rows instead, and it sorted all 411,558
 * breached deadlines of the million-case office whenever the heap was not all-visible (1.9 s).
 */
function sourceOf(flag: Flag | null) {
  if (flag === null) return { from: 'ombudsman_case', key: ['created_at', 'id'] };
  return {
    from: `(SELECT d.case_id AS flagged_case_id, d.case_created_at AS flagged_at
              FROM case_deadline d
             WHERE ${FLAGGED[flag]('d')}
               AND NOT EXISTS (SELECT 1 FROM case_deadline e
                                WHERE e.case_created_at = d.case_created_at
                                  AND e.case_id = d.case_id AND e.id < d.id
                                  AND ${FLAGGED[flag]('e')})) flagged
      JOIN ombudsman_case ON ombudsman_case.id = flagged.flagged_case_id`,
    key: ['flagged.flagged_at', 'flagged.flagged_case_id'],
  };
}

/** The WHERE conditions of a queue SELECT, each written as the index that serves it is. */
function conditionsOf(
  filter: QueueFilter,
  driving: Flag | null,
  bind: (value: unknown) => string,
): string[] {
  const where: string[] = [];
  if (filter.statuses.length > 0) where.push(`status = ANY(${bind(filter.statuses)}::text[])`);
  if (filter.assignee === 'unassigned') where.push('assigned_officer_id IS NULL');
  else if (filter.assignee) where.push(`assigned_officer_id = ${bind(filter.assignee.officerId)}`);
  if (filter.category !== null) where.push(`category = ${bind(filter.category)}`);
  for (const flag of FLAGS) {
    if (!filter[flag] || flag === driving) continue;
    // A probe of the few deadlines of each case read (ix_case_deadline_case). OFFSET 0 keeps it
    // a probe: as a semi-join, the planner would hash all 411,558 breached deadlines of the
    // million-case office for the handful of cases that mention a reference (131 ms, not 1 ms).
    where.push(`EXISTS (SELECT 1 FROM case_deadline d WHERE d.case_id = ombudsman_case.id
       AND ${FLAGGED[flag]('d')} OFFSET 0)`);
  }
  if (filter.exact) {
    const condition = exactCondition(filter.exact.key.kind, bind(exactValue(filter.exact.key)));
    // IS NOT TRUE: a case without a complaint or customer number is one of "the rest".
    where.push(filter.exact.mode === 'only' ? condition : `(${condition}) IS NOT TRUE`);
    if (filter.exact.mode === 'mentions') {
      const token = mentionToken(filter.exact.key);
      if (token === null) throw new Error(`a ${filter.exact.key.kind} has no mentions to look up`);
      // ix_ombudsman_case_search_identifiers
      where.push(`case_search_identifiers(search_text) @> ARRAY[${bind(token)}]::text[]`);
    }
  }
  // The identifier's own conditions stand for the words of the q in the exact and mentions phases.
  const terms = filter.exact && filter.exact.mode !== 'exclude' ? [] : filter.terms;
  for (const term of terms) {
    if (term.cjk) {
      where.push(
        `search_cjk_tokens @> case_search_cjk_query(case_search_normalize(${bind(term.text)}))`,
      );
    }
    if (term.like) {
      where.push(
        `search_text LIKE '%' || case_search_normalize(${bind(escapeLike(term.text))}) || '%'`,
      );
    }
  }
  return where;
}

/** The source, the conditions (the page cursor last) and the order of a queue SELECT. */
function partsOf(filter: QueueFilter, bind: (value: unknown) => string) {
  const driving = drivingFlag(filter);
  const { from, key } = sourceOf(driving);
  const where = conditionsOf(filter, driving, bind);
  if (filter.after) {
    const { createdAt, id } = filter.after;
    where.push(`(${key.join(', ')}) < (${bind(createdAt)}::timestamptz, ${bind(id)}::uuid)`);
  }
  return { from, where, order: key.map((column) => `${column} DESC`).join(', ') };
}

type Parts = ReturnType<typeof partsOf>;

const COLUMNS = `id, reference, status, outcome, category, language, subject, customer_name,
           assigned_officer_id, assigned_officer_name, created_at, updated_at, version,
           to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at`;

const whereOf = (where: readonly string[]) =>
  where.length > 0 ? `WHERE ${where.join('\n       AND ')}` : '';

function selectOf(parts: Parts, limit: string, phase: number): string {
  return `
    SELECT ${COLUMNS}, ${phase} AS phase
      FROM ${parts.from}
     ${whereOf(parts.where)}
     ORDER BY ${parts.order}
     LIMIT ${limit}`;
}

/**
 * The cases that mention an identifier, gathered from the identifier-token index first and only
 * then put in queue order. Every token is unique enough that ANALYZE keeps no common elements
 * for the index, so the planner assumes `@>` matches 0.5% of the table: at a million cases it
 * would rather walk the queue order and run case_search_identifiers() on each case until 26 are
 * found, which for an identifier mentioned nowhere is every case (102 s measured on the
 * 1,000,000-case bench office). A materialised CTE has no order to walk: its rows come from the
 * GIN probe (a few cases), and the sort costs nothing.
 */
function selectMentionsOf(parts: Parts, limit: string): string {
  return `
    WITH mentions AS MATERIALIZED (
      SELECT ${COLUMNS}, 1 AS phase
        FROM ${parts.from}
       ${whereOf(parts.where)})
    SELECT * FROM mentions
     ORDER BY created_at DESC, id DESC
     LIMIT ${limit}`;
}

/**
 * One parameterised SELECT for the queue and its search, in the stable order (created_at DESC,
 * id DESC) that ix_ombudsman_case_created and the (status|assignee, created_at, id) indexes walk.
 * Search conditions are written exactly as the migration indexed them; with the values bound,
 * the planner chooses between walking the queue order and filtering (common words) and a bitmap
 * scan of a search index (rare words), and never needs to read the whole table.
 */
export function buildQueueQuery(filter: QueueFilter): SqlQuery {
  const values: unknown[] = [];
  const bind = (value: unknown) => `$${values.push(value)}`;
  const parts = partsOf(filter, bind);
  const limit = bind(filter.fetch);
  if (filter.exact?.mode === 'mentions') return { text: selectMentionsOf(parts, limit), values };
  return { text: selectOf(parts, limit, filter.exact?.mode === 'only' ? 0 : 1), values };
}

/**
 * The first page of a search for a whole reference or address in one round trip: the cases it
 * names (phase 0) and those that mention it (phase 1), each at most `fetch` rows in queue order,
 * both through b-tree or GIN probes (see mentionToken).
 */
export function buildNamedAndMentionsQuery(
  filter: QueueFilter & { readonly exact: { readonly key: ExactKey } },
): SqlQuery {
  const values: unknown[] = [];
  const bind = (value: unknown) => `$${values.push(value)}`;
  const named = partsOf({ ...filter, exact: { key: filter.exact.key, mode: 'only' } }, bind);
  const mentions = partsOf(
    { ...filter, exact: { key: filter.exact.key, mode: 'mentions' }, after: null },
    bind,
  );
  const limit = bind(filter.fetch);
  const text = `
    SELECT * FROM ((${selectOf(named, limit, 0)})
     UNION ALL (${selectMentionsOf(mentions, limit)})) page
     ORDER BY phase, created_at DESC, id DESC`;
  return { text, values };
}
