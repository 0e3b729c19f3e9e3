import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { MailCaseFacts } from './mail-case-facts.repository';
import { MailMessages } from './mail-messages.repository';
import { PlannedMessage, ReminderKind } from './mail-plan';
import { addressed } from './mail-recipients';
import { DueReminder, MailReminders } from './mail-reminders.repository';
import { MailTemplate } from './templates/mail-template';

const BATCH = 200;

const REMINDER_MESSAGE: Record<
  ReminderKind,
  { audience: 'customer' | 'company'; template: MailTemplate }
> = {
  information_request: { audience: 'customer', template: 'information_reminder' },
  proposal: { audience: 'customer', template: 'proposal_reminder' },
  decision_answer: { audience: 'customer', template: 'decision_reminder' },
  remedy_payment: { audience: 'company', template: 'company_remedy_due_soon' },
};

/**
 * Sends the reminders whose time has come, like the SLA sweep: each batch is one transaction
 * that locks its rows with SKIP LOCKED, queues the messages and marks the rows done, so with
 * several instances a reminder is queued once. One whose subject was answered or paid meanwhile
 * is marked moot instead, and so is one found only after its date has passed (a sweep that ran
 * late): "due on 14 May" read on the 20th misleads, and the overdue notice or the lapse speaks
 * for it. The cost follows the number of due reminders (ix_mail_reminder_due).
 */
@Injectable()
export class ReminderSweep {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly facts: MailCaseFacts,
    private readonly messages: MailMessages,
    private readonly reminders: MailReminders,
  ) {}

  async run(now: Date = new Date()): Promise<{ queued: number; moot: number }> {
    let queued = 0;
    let moot = 0;
    for (let more = true; more;) {
      const batch = await this.dataSource.transaction(async (manager) => {
        const due = await this.reminders.takeDue(manager, now, BATCH);
        for (const reminder of due) {
          const sent = await this.remind(manager, reminder, now);
          await this.reminders.markDone(manager, reminder.id, sent ? 'queued' : 'moot', now);
          if (sent) queued += 1;
          else moot += 1;
        }
        return due.length;
      });
      more = batch === BATCH;
    }
    return { queued, moot };
  }

  private async remind(
    manager: Parameters<MailReminders['markDone']>[0],
    reminder: DueReminder,
    now: Date,
  ): Promise<boolean> {
    if (reminder.dueAt !== null && reminder.dueAt.getTime() <= now.getTime()) return false;
    const outstanding = await this.facts.stillOutstanding(
      manager,
      reminder.kind,
      reminder.subjectId,
    );
    const c = outstanding && (await this.facts.caseById(manager, reminder.caseId));
    if (!outstanding || !c) return false;
    const { audience, template } = REMINDER_MESSAGE[reminder.kind];
    const planned: PlannedMessage = {
      audience,
      template,
      params: {
        reference: c.reference,
        ...(audience === 'customer' ? { caseSubject: c.subject } : {}),
        dueAt: reminder.dueAt ? reminder.dueAt.toISOString() : null,
        remedyType: outstanding.remedyType ?? null,
      },
    };
    const rows = addressed(planned, c, `reminder:${reminder.id}`, this.config.mail);
    await this.messages.enqueue(manager, rows, now);
    return true;
  }
}
