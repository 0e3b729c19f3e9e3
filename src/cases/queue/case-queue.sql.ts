import type { CaseStatus } from '../case-lifecycle';
import type { QueueKey } from './queue-cursor';
import { exactCondition, ExactKey } from './exact-search';
import type { SearchTerm } from './search-terms';

export type AssigneeFilter = { readonly officerId: string } | 'unassigned';

export interface QueueFilter {
  readonly statuses: readonly CaseStatus[];
  readonly assignee: AssigneeFilter | null;
  readonly category: string | null;
  readonly terms: readonly SearchTerm[];
  /**
   * An identifier the `q` was recognised as: `only` lists the cases it names (the exact phase),
   * `exclude` the free-text matches other than those (the rest), so no case appears twice.
   */
  readonly exact?: { readonly key: ExactKey; readonly mode: 'only' | 'exclude' };
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
}

export interface SqlQuery {
  readonly text: string;
  readonly values: unknown[];
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');

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
  const where: string[] = [];
  if (filter.statuses.length > 0) where.push(`status = ANY(${bind(filter.statuses)}::text[])`);
  if (filter.assignee === 'unassigned') where.push('assigned_officer_id IS NULL');
  else if (filter.assignee) where.push(`assigned_officer_id = ${bind(filter.assignee.officerId)}`);
  if (filter.category !== null) where.push(`category = ${bind(filter.category)}`);
  // Written as the partial indexes ix_case_deadline_breached_open / _at_risk_open are.
  if (filter.breached) {
    where.push(`EXISTS (SELECT 1 FROM case_deadline d WHERE d.case_id = ombudsman_case.id
       AND d.breached_at IS NOT NULL AND d.met_at IS NULL AND d.cancelled_at IS NULL)`);
  }
  if (filter.atRisk) {
    where.push(`EXISTS (SELECT 1 FROM case_deadline d WHERE d.case_id = ombudsman_case.id
       AND d.at_risk_at IS NOT NULL AND d.breached_at IS NULL AND d.met_at IS NULL
       AND d.cancelled_at IS NULL)`);
  }
  if (filter.exact) {
    const condition = exactCondition(filter.exact.key.kind, bind(filter.exact.key.value));
    // IS NOT TRUE: a case without a complaint or customer number is one of "the rest".
    where.push(filter.exact.mode === 'only' ? condition : `(${condition}) IS NOT TRUE`);
  }
  const terms = filter.exact?.mode === 'only' ? [] : filter.terms;
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
  if (filter.after) {
    where.push(
      `(created_at, id) < (${bind(filter.after.createdAt)}::timestamptz, ${bind(filter.after.id)}::uuid)`,
    );
  }
  const text = `
    SELECT id, reference, status, outcome, category, language, subject, customer_name,
           assigned_officer_id, assigned_officer_name, created_at, updated_at, version,
           to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at
      FROM ombudsman_case
     ${where.length > 0 ? `WHERE ${where.join('\n       AND ')}` : ''}
     ORDER BY created_at DESC, id DESC
     LIMIT ${bind(filter.fetch)}`;
  return { text, values };
}
