import { BaselineRoute } from './types';

/** Same query and same JSON as the service's GET /health/ready. */
export const healthRoutes: readonly BaselineRoute[] = [
  {
    method: 'GET',
    path: '/health/ready',
    async handle({ pool }) {
      const { rows } = await pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM schema_migrations',
      );
      return { status: 200, body: { status: 'ok', migrations: rows[0].n } };
    },
  },
];
