import { distinctJsonRequests } from '../lib/requests';
import { Scenario } from './types';

/** A distinct filing per request, as a customer would send it (no complaint: one is opened). */
export function filing(n: number): Record<string, unknown> {
  return {
    customer: {
      name: `Анна Петрова ${n}`,
      email: `anna.${n}@example.org`,
      customerNumber: `C-${n}`,
    },
    subject: `Refund refused #${n}`,
    description: `I returned the goods (order ${n}) and the deposit was never refunded. 退款被拒绝。`,
    desiredOutcome: 'Refund of the deposit',
    amountInDispute: { amountMinor: 12550 + n, currency: 'EUR' },
    category: 'billing',
    preferredLanguage: (['en', 'ru', 'zh'] as const)[n % 3],
  };
}

/**
 * POST /v1/escalations against a program doing the same inserts in one transaction, closed loop
 * at 50 connections: its p95 only restates its throughput, so the latency target is on the
 * open-loop line instead (intake-open-loop.ts).
 */
export const intake: Scenario = {
  name: 'intake',
  connections: 50,
  targets: { ratio: 0.8 },
  service: () => ({
    method: 'POST',
    path: '/v1/escalations',
    requests: distinctJsonRequests('POST', '/v1/escalations', filing),
  }),
  baseline: () => ({
    method: 'POST',
    path: '/v1/escalations',
    requests: distinctJsonRequests('POST', '/v1/escalations', filing),
  }),
};
