import autocannon from 'autocannon';
import { Client } from 'pg';
import { ensureSeeded, spreadCases } from '../lib/seeded';
import { BenchContext, Scenario } from './types';

/** Cases spread over the whole table, oldest to newest, whose identifiers staff type. */
const SPREAD = 8;
const KINDS = ['reference', 'complaint-reference', 'email', 'customer-number'];
const PARTIAL_KINDS = ['email-part', 'reference-part'];

interface Quoted {
  readonly reference: string;
  readonly complaint: string;
  readonly email: string;
  readonly customerNumber: string;
}
let quoted: Quoted[] = [];

/**
 * The seed files cases without a front-line complaint; the bench links the picked cases to one
 * each (idempotent: a second run finds them linked), so the complaint-reference path has a hit.
 */
async function pickQuotedCases(databaseUrl: string): Promise<Quoted[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const rows = await spreadCases(client, SPREAD);
    const picked: Quoted[] = [];
    for (const [i, { id }] of rows.entries()) {
      const { rows: found } = await client.query<{
        reference: string;
        complaint_reference: string;
        customer_email: string;
        customer_number: string;
      }>(
        `UPDATE ombudsman_case
            SET complaint_reference = coalesce(complaint_reference, $2)
          WHERE id = $1
          RETURNING reference, complaint_reference, customer_email, customer_number`,
        [id, `CMP-${String(900000 + i).padStart(6, '0')}`],
      );
      const row = found[0];
      picked.push({
        reference: row.reference,
        complaint: row.complaint_reference,
        email: row.customer_email,
        customerNumber: row.customer_number,
      });
    }
    return picked;
  } finally {
    await client.end();
  }
}

function requests(ctx: BenchContext, queries: (quoted: Quoted) => string[]): autocannon.Request[] {
  const headers = {
    authorization: `Bearer ${ctx.token({ sub: 'bench-officer', roles: ['ombudsman_officer'] })}`,
  };
  return quoted.flatMap(queries).map((q) => ({
    method: 'GET' as const,
    path: `/v1/admin/cases?limit=25&q=${encodeURIComponent(q)}`,
    headers,
  }));
}

const exactQueries = (c: Quoted) => [
  c.reference.toLowerCase(),
  c.complaint,
  c.email.toUpperCase(),
  c.customerNumber,
];
/** What staff type when they have only part of it: the mailbox name, the year and number. */
const partialQueries = (c: Quoted) => [
  c.email.slice(0, c.email.indexOf('@') + 1),
  c.reference.slice(4, 13),
];

async function setup(ctx: BenchContext): Promise<void> {
  await ensureSeeded(ctx.databaseUrl, ctx.cases);
  quoted = await pickQuotedCases(ctx.databaseUrl);
}

/** A case found by what the customer quotes (reference, complaint, e-mail, customer number). */
export const searchExact: Scenario = {
  name: 'search:exact',
  connections: 10,
  setup,
  targets: { p95Ms: 10 },
  service: (ctx) => ({
    path: '/v1/admin/cases',
    requests: requests(ctx, exactQueries),
    labels: KINDS,
  }),
  baseline: (ctx) => ({
    path: '/v1/admin/cases',
    requests: requests(ctx, exactQueries),
    labels: KINDS,
  }),
};

/** Part of an e-mail address or of a reference: the free-text (trigram) path. */
export const searchPartial: Scenario = {
  name: 'search:partial',
  connections: 10,
  setup,
  targets: { p95Ms: 100 },
  service: (ctx) => ({
    path: '/v1/admin/cases',
    requests: requests(ctx, partialQueries),
    labels: PARTIAL_KINDS,
  }),
  baseline: (ctx) => ({
    path: '/v1/admin/cases',
    requests: requests(ctx, partialQueries),
    labels: PARTIAL_KINDS,
  }),
};
