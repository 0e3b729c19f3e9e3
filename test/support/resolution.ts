import { databaseName } from './filing';
import { adminQuery } from './database';
import { TestApp } from './test-app';

export const REFUND = {
  type: 'refund',
  amount: { amountMinor: 12550, currency: 'EUR' },
  description: 'Refund of the deposit',
};
export const APOLOGY = { type: 'apology', description: 'A written apology' };

export function eur(major: number) {
  return {
    type: 'goodwill_payment',
    amount: { amountMinor: major * 100, currency: 'EUR' },
    description: `Goodwill payment of ${major} EUR`,
  };
}

/** Staff and company routes with a bearer token, customer routes with the case token. */
export function routes(t: TestApp) {
  const send = (method: 'post' | 'get', path: string, auth: string, body?: object) => {
    const req = t.http()[method](path).set('authorization', auth);
    return body === undefined ? req : req.send(body);
  };
  return {
    admin: (method: 'post' | 'get', ref: string, path: string, auth: string, body?: object) =>
      send(method, `/v1/admin/cases/${ref}${path}`, auth, body),
    company: (ref: string, path: string, auth: string, body?: object) =>
      send('post', `/v1/frontline/cases/${ref}${path}`, auth, body),
    customer: (ref: string, path: string, token: string, body?: object) =>
      send('post', `/v1/escalations/${ref}${path}`, `Bearer ${token}`, body),
    view: (ref: string, token: string) =>
      t.http().get(`/v1/escalations/${ref}`).set('authorization', `Bearer ${token}`),
  };
}

export async function sql<T = Record<string, unknown>>(
  t: TestApp,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  return adminQuery<T>(text, params, databaseName(t));
}

export async function eventTypes(t: TestApp, reference: string): Promise<string[]> {
  const rows = await sql<{ type: string }>(
    t,
    'SELECT type FROM outbox_event WHERE aggregate_id = $1 ORDER BY occurred_at, id',
    [reference],
  );
  return rows.map((r) => r.type);
}
