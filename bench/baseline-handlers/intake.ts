import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { PoolClient } from 'pg';
import { entryHash } from '../../src/audit/audit-hash';
import { BaselineRoute } from './types';

interface Filing {
  customer: { name: string; email: string; customerNumber?: string };
  subject: string;
  description: string;
  desiredOutcome?: string;
  amountInDispute?: { amountMinor: number; currency: string };
  category: string;
  preferredLanguage?: string;
}

const DAY = 86_400_000;

const RATE_LIMIT_HIT = `
  INSERT INTO rate_limit_bucket AS b (key, window_start, hits, expires_at)
  VALUES ($1, now(), 1, now() + make_interval(secs => $2))
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN b.expires_at > now() THEN b.hits + 1 ELSE 1 END,
    window_start = CASE WHEN b.expires_at > now() THEN b.window_start ELSE now() END,
    expires_at = CASE WHEN b.expires_at > now() THEN b.expires_at ELSE EXCLUDED.expires_at END
  RETURNING hits`;

/**
 * Starts an audit chain the way the service does for a subject created in the same transaction:
 * the first entry, with no lock to take and no earlier entry to read, hashed as the service
 * hashes it (so that an audit verification later in the same bench run finds a valid log).
 */
async function audit(client: PoolClient, chainKey: string, action: string, after: unknown) {
  const entry = {
    chainKey,
    seq: 1,
    actorSub: 'customer',
    actorRole: 'customer',
    action,
    before: null,
    after: JSON.parse(JSON.stringify(after)) as unknown,
    occurredAt: new Date(),
    prevHash: null,
  };
  await client.query(
    `INSERT INTO audit_entry (chain_key, seq, actor_sub, actor_role, action, after, occurred_at, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      entry.chainKey,
      entry.seq,
      entry.actorSub,
      entry.actorRole,
      entry.action,
      JSON.stringify(entry.after),
      entry.occurredAt,
      entry.prevHash,
      entryHash(entry),
    ],
  );
}

/**
 * The inserts of one filing without a front-line complaint, in one transaction, with no
 * framework, validation or texts: the floor the service is measured against.
 */
export const intakeRoutes: readonly BaselineRoute[] = [
  {
    method: 'POST',
    path: '/v1/escalations',
    async handle({ pool, body }) {
      const filing = body as Filing;
      const now = new Date();
      // The public rate limit's counter, one statement outside the filing, as the service does.
      await pool.query(RATE_LIMIT_HIT, ['public:127.0.0.1', 60]);
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const year = now.getUTCFullYear();
        await client.query(`CREATE SEQUENCE IF NOT EXISTS case_reference_seq_${year} AS bigint`);
        const caseSeq = await client.query<{ n: string }>(
          `SELECT nextval('case_reference_seq_${year}') AS n`,
        );
        const reference = `OMB-${year}-${caseSeq.rows[0].n.padStart(6, '0')}`;
        const cmpSeq = await client.query<{ n: string }>(
          `SELECT nextval('frontline_complaint_reference_seq') AS n`,
        );
        const complaint = `CMP-${cmpSeq.rows[0].n.padStart(6, '0')}`;
        const due = new Date(now.getTime() + 21 * DAY);
        await client.query(
          `INSERT INTO frontline_complaint (id, reference, source, external_id, customer_name, customer_email,
             customer_number, subject, description, channel, agent_id, received_at, response_due_at)
           VALUES ($1, $2, 'ombudsman', $3, $4, $5, $6, $7, $8, 'ombudsman_referral', 'unassigned', $9, $10)`,
          [
            randomUUID(),
            complaint,
            reference,
            filing.customer.name,
            filing.customer.email,
            filing.customer.customerNumber ?? null,
            filing.subject,
            filing.description,
            now,
            due,
          ],
        );
        await audit(client, `complaint:${complaint}`, 'complaint.created', {
          reference: complaint,
        });
        await client.query(
          `INSERT INTO outbox_event (id, type, aggregate_type, aggregate_id, payload) VALUES ($1, 'complaint.created', 'complaint', $2, $3)`,
          [randomUUID(), complaint, JSON.stringify({ reference: complaint })],
        );
        const token = randomBytes(32).toString('base64url');
        const tokenHash = createHash('sha256').update(token).digest();
        const inserted = await client.query<{ id: string }>(
          `INSERT INTO ombudsman_case (reference, status, customer_name, customer_email, customer_number,
             complaint_reference, frontline_agent_id, subject, description, desired_outcome, amount_minor,
             amount_currency, category, language, eligibility_reason, access_token_hash, created_at, updated_at)
           VALUES ($1, 'referred_to_frontline', $2, $3, $4, $5, 'unassigned', $6, $7, $8, $9, $10, $11, $12,
             'no_frontline_complaint', $13, $14, $14) RETURNING id`,
          [
            reference,
            filing.customer.name,
            filing.customer.email,
            filing.customer.customerNumber ?? null,
            complaint,
            filing.subject,
            filing.description,
            filing.desiredOutcome ?? null,
            filing.amountInDispute?.amountMinor ?? null,
            filing.amountInDispute?.currency ?? null,
            filing.category,
            filing.preferredLanguage ?? 'en',
            tokenHash,
            now,
          ],
        );
        const caseId = inserted.rows[0].id;
        const deadlines = await client.query(
          `INSERT INTO case_deadline (case_id, kind, party, started_at, due_at)
           VALUES ($1, 'acknowledge', 'office', $2, $3), ($1, 'frontline_response', 'company', $2, $4)
           RETURNING kind, due_at`,
          [caseId, now, new Date(now.getTime() + 2 * DAY), due],
        );
        await client.query(
          `INSERT INTO case_timeline_entry (case_id, type, actor_sub, actor_role, data, visible_to_customer, visible_to_company)
           VALUES ($1, 'case.submitted', 'customer', 'customer', '{}', true, true)`,
          [caseId],
        );
        await audit(client, caseId, 'case.submitted', { reference });
        await client.query(
          `INSERT INTO outbox_event (id, type, aggregate_type, aggregate_id, payload) VALUES ($1, 'case.submitted', 'case', $2, $3)`,
          [randomUUID(), reference, JSON.stringify({ reference })],
        );
        await client.query('COMMIT');
        return {
          status: 201,
          body: {
            id: caseId,
            reference,
            accessToken: token,
            status: 'referred_to_frontline',
            deadlines: deadlines.rows,
          },
        };
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
  },
];
