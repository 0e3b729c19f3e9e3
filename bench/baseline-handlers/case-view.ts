import { BaselineRoute } from './types';

/**
 * The staff case view by hand: the case row, then its timeline, deadlines, information requests,
 * proposals, decisions, remedies and documents in parallel, as the service reads them, JSON out
 * as stored (no framework, validation, auth or mapping): the floor for `case-view`.
 */
export const caseViewRoutes: readonly BaselineRoute[] = [
  {
    method: 'GET',
    path: '/v1/admin/cases/:reference',
    async handle({ pool, params }) {
      const { rows } = await pool.query('SELECT * FROM ombudsman_case WHERE reference = $1', [
        params.reference,
      ]);
      const found = rows[0] as { id: string } | undefined;
      if (!found) return { status: 404 };
      const byCase = (sql: string) =>
        pool.query(sql, [found.id]).then((result) => result.rows as unknown[]);
      const [timeline, deadlines, requests, proposals, decisions, remedies, documents] =
        await Promise.all([
          byCase('SELECT * FROM case_timeline_entry WHERE case_id = $1 ORDER BY id'),
          byCase('SELECT * FROM case_deadline WHERE case_id = $1 ORDER BY due_at'),
          byCase('SELECT * FROM information_request WHERE case_id = $1 ORDER BY asked_at'),
          byCase('SELECT * FROM mediation_proposal WHERE case_id = $1 ORDER BY created_at'),
          byCase('SELECT * FROM case_decision WHERE case_id = $1 ORDER BY revision'),
          byCase('SELECT * FROM remedy WHERE case_id = $1 ORDER BY created_at'),
          byCase(
            'SELECT id, filename, content_type, size, sha256, uploaded_at FROM case_document WHERE case_id = $1',
          ),
        ]);
      return {
        status: 200,
        body: {
          ...found,
          timeline,
          deadlines,
          requests,
          proposals,
          decisions,
          remedies,
          documents,
        },
      };
    },
  },
];
