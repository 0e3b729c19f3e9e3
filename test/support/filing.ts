import { adminQuery } from './database';
import { TestApp } from './test-app';

/** A valid filing body; pass overrides for what the test is about. */
export function filingBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    customer: { name: 'Анна Петрова', email: 'anna@example.org', customerNumber: 'C-1009' },
    subject: 'Refund refused',
    description: 'I returned the goods and the deposit was never refunded.',
    desiredOutcome: 'Refund of the deposit',
    amountInDispute: { amountMinor: 12550, currency: 'EUR' },
    category: 'billing',
    preferredLanguage: 'en',
    ...overrides,
  };
}

export interface FiledCase {
  readonly reference: string;
  readonly accessToken: string;
  readonly status: string;
  readonly body: Record<string, unknown>;
}

export async function fileCase(
  t: TestApp,
  overrides: Record<string, unknown> = {},
): Promise<FiledCase> {
  const res = await t.http().post('/v1/escalations').send(filingBody(overrides)).expect(201);
  return {
    reference: res.body.reference,
    accessToken: res.body.accessToken,
    status: res.body.status,
    body: res.body,
  };
}

/**
 * A front-line complaint. `receivedDaysAgo` backdates it (and its 15-day deadline);
 * `answeredDaysAgo` records a final response given that many days ago.
 */
export async function createComplaint(
  t: TestApp,
  options: { answeredDaysAgo?: number; receivedDaysAgo?: number; agentId?: string } = {},
): Promise<string> {
  const agent = t.token('frontline_agent', 'agent-7', 'Fred Frontline');
  const res = await t
    .http()
    .post('/v1/frontline/complaints')
    .set('authorization', `Bearer ${agent}`)
    .send({
      customer: { name: 'Анна Петрова', email: 'anna@example.org' },
      subject: 'Deposit not refunded',
      description: 'Customer returned goods on 2 October.',
      agentId: options.agentId,
    })
    .expect(201);
  const reference: string = res.body.reference;
  const receivedDaysAgo = options.receivedDaysAgo ?? (options.answeredDaysAgo ?? -1) + 20;
  if (receivedDaysAgo > 0) {
    await adminQuery(
      `UPDATE frontline_complaint
          SET received_at = now() - make_interval(days => $2),
              response_due_at = now() - make_interval(days => $2) + interval '21 days'
        WHERE reference = $1`,
      [reference, receivedDaysAgo],
      databaseName(t),
    );
  }
  if (options.answeredDaysAgo !== undefined) {
    const respondedAt = new Date(Date.now() - options.answeredDaysAgo * 86_400_000).toISOString();
    await t
      .http()
      .post(`/v1/frontline/complaints/${reference}/final-response`)
      .set('authorization', `Bearer ${agent}`)
      .send({ text: 'We cannot refund the deposit.', respondedAt })
      .expect(201);
  }
  return reference;
}

export function databaseName(t: TestApp): string {
  return new URL(t.databaseUrl).pathname.slice(1);
}
