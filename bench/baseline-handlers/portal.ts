import { BaselineRoute } from './types';

const PAGE = { html: '<!doctype html><title>page</title><main>…</main>' };

/** The customer pages by hand: a fixed page, and for a case its row read by reference. */
export const portalRoutes: readonly BaselineRoute[] = [
  ...['/', '/file', '/access'].map((path): BaselineRoute => ({
    method: 'GET',
    path,
    handle: () => Promise.resolve({ status: 200, body: PAGE }),
  })),
  {
    method: 'GET',
    path: '/cases/:reference',
    async handle({ pool, params }) {
      const { rows } = await pool.query(
        'SELECT reference, status, subject FROM ombudsman_case WHERE reference = $1',
        [params.reference],
      );
      return { status: 200, body: { ...PAGE, case: rows[0] ?? null } };
    },
  },
];
