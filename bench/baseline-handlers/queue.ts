import { buildQueueQuery, QueueRow } from '../../src/cases/queue/case-queue.sql';
import { decodeQueueCursor, encodeQueueCursor } from '../../src/cases/queue/queue-cursor';
import { parseSearch } from '../../src/cases/queue/search-terms';
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
      const cursor = query.get('cursor');
      const q = query.get('q');
      const sql = buildQueueQuery({
        statuses: [],
        assignee: null,
        category: null,
        terms: q ? parseSearch(q) : [],
        after: cursor ? decodeQueueCursor(cursor) : null,
        fetch: limit + 1,
      });
      const { rows } = await pool.query<QueueRow>(sql.text, sql.values);
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        status: 200,
        body: {
          items: page.map((row) => ({
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
          nextCursor:
            rows.length > limit && last
              ? encodeQueueCursor({ createdAt: last.cursor_at, id: last.id })
              : null,
        },
      };
    },
  },
];
