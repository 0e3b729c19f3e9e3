import { AssigneeFilter, QueueRow } from '../../src/cases/queue/case-queue.sql';
import type { CaseStatus } from '../../src/cases/case-lifecycle';
import { queuePage } from '../../src/cases/queue/queue-page';
import { BaselineRoute } from './types';

/** The caller's `sub`, read from the JWT without checking it (the baseline does no auth). */
function callerSub(authorization: string | undefined): string {
  const payload = authorization?.split('.')[1] ?? '';
  return (
    (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8') || '{}') as { sub?: string })
      .sub ?? ''
  );
}

function assigneeOf(
  value: string | null,
  authorization: string | undefined,
): AssigneeFilter | null {
  if (value === null) return null;
  if (value === 'none') return 'unassigned';
  return { officerId: value === 'me' ? callerSub(authorization) : value };
}

/**
 * The queue and its search with the service's own SQL and JWT-free: the floor for the `queue`
 * and `search` scenarios (same query, same JSON shape, no framework, validation or auth).
 */
export const queueRoutes: readonly BaselineRoute[] = [
  {
    method: 'GET',
    path: '/v1/admin/cases',
    async handle({ pool, query, headers }) {
      const limit = Number(query.get('limit') ?? 25);
      const page = await queuePage(
        {
          filters: {
            statuses: query.getAll('status') as CaseStatus[],
            assignee: assigneeOf(query.get('assignee'), String(headers.authorization ?? '')),
            category: query.get('category'),
            breached: query.get('breached') === 'true',
            atRisk: query.get('atRisk') === 'true',
          },
          q: query.get('q') ?? undefined,
          cursor: query.get('cursor') ?? undefined,
          limit,
        },
        async (sql) => (await pool.query<QueueRow>(sql.text, sql.values)).rows,
      );
      return {
        status: 200,
        body: {
          items: page.rows.map((row) => ({
            id: row.id,
            reference: row.reference,
            status: row.status,
            outcome: row.outcome,
            category: row.category,
            language: row.language,
            subject: row.subject,
            customerName: row.customer_name,
            assignedOfficerId: row.assigned_officer_id,
            assignedOfficerName: row.assigned_officer_name,
            createdAt: row.created_at.toISOString(),
            updatedAt: row.updated_at.toISOString(),
            version: row.version,
          })),
          nextCursor: page.nextCursor,
        },
      };
    },
  },
];
