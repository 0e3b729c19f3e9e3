import { MailDispatcher } from '../../src/mail/mail-dispatcher';
import { TestApp } from './test-app';

/** Runs the mail dispatcher until nothing is left to plan or send at `now`. */
export async function drainMail(t: TestApp, now?: Date): Promise<number> {
  const dispatcher = t.app.get(MailDispatcher);
  let sent = 0;
  for (let pass = 0; pass < 50; pass += 1) {
    const report = await dispatcher.dispatchOnce(now);
    sent += report.sent;
    if (!report.busy && report.attempted === 0 && report.eventsPlanned === 0) return sent;
  }
  throw new Error('the mail queue did not drain');
}

export interface Notification {
  id: string;
  template: string;
  audience: string;
  recipient: string;
  language: string;
  subject: string | null;
  status: string;
  attempts: number;
  lastError: string | null;
  messageId: string | null;
  sentAt: string | null;
}

export async function notificationsOf(t: TestApp, reference: string): Promise<Notification[]> {
  const res = await t
    .http()
    .get(`/v1/admin/cases/${reference}/notifications?limit=100`)
    .set('authorization', `Bearer ${t.token('auditor', 'ivy')}`)
    .expect(200);
  return res.body.items as Notification[];
}
