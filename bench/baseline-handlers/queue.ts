import { QueueRow } from '../../src/cases/queue/case-queue.sql';
import { queuePage } from '../../src/cases/queue/queue-page';
import { BaselineRoute } from './types';

/**
 * The queue and its search with the service's own SQL and JWT-free: the floor for the `queue`
 * and `search` scenarios (same query, same JSON shape, no framework, validation or auth).
 */
export const queueRoutes: readonly BaselineRoute[] = [
  {
    method: 'GET',
    path: '/v1/admin/cases',
    async handle({ pool, query }) {
      const limit = Number(query.get('limit') ?? 25);
      const page = await queuePage(
        {
          filters: { statuses: [], assignee: null, category: null },
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
