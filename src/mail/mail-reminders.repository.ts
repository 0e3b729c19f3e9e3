import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { rowsOf, oneOf, text, timestampOrNull } from '../common/sql-rows';
import type { PlannedReminder, ReminderKind } from './mail-plan';

const KINDS: readonly ReminderKind[] = [
  'information_request',
  'proposal',
  'decision_answer',
  'remedy_payment',
];

export interface ScheduledReminder extends PlannedReminder {
  readonly caseId: string;
}

export interface DueReminder {
  readonly id: string;
  readonly caseId: string;
  readonly kind: ReminderKind;
  readonly subjectId: string;
  readonly dueAt: Date | null;
}

/** Reminder rows: scheduled when their event is planned, taken by the sweep when due. */
@Injectable()
export class MailReminders {
  async schedule(manager: EntityManager, reminders: readonly ScheduledReminder[]) {
    if (reminders.length === 0) return;
    await manager.query(
      `INSERT INTO mail_reminder (case_id, kind, subject_id, due_at, send_after)
       SELECT r."caseId", r.kind, r."subjectId", r."dueAt", r."sendAfter"
         FROM jsonb_to_recordset($1::jsonb)
           AS r("caseId" uuid, kind text, "subjectId" uuid, "dueAt" timestamptz,
                "sendAfter" timestamptz)
       ON CONFLICT ON CONSTRAINT uq_mail_reminder_subject DO NOTHING`,
      [JSON.stringify(reminders)],
    );
  }

  /** Locks due reminders no other instance holds, for the caller's transaction. */
  async takeDue(manager: EntityManager, now: Date, limit: number): Promise<DueReminder[]> {
    const result: unknown = await manager.query(
      `SELECT id, case_id, kind, subject_id, due_at
         FROM mail_reminder
        WHERE done_at IS NULL AND send_after <= $1
        ORDER BY send_after LIMIT $2
        FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return rowsOf(result, (row) => ({
      id: text(row, 'id'),
      caseId: text(row, 'case_id'),
      kind: oneOf(row, 'kind', KINDS),
      subjectId: text(row, 'subject_id'),
      dueAt: timestampOrNull(row, 'due_at'),
    }));
  }

  async markDone(manager: EntityManager, id: string, outcome: 'queued' | 'moot', now: Date) {
    await manager.query(`UPDATE mail_reminder SET done_at = $2, outcome = $3 WHERE id = $1`, [
      id,
      now,
      outcome,
    ]);
  }
}
