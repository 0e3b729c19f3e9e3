import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { MailCase, MailCaseFacts } from './mail-case-facts.repository';
import { MailMessages } from './mail-messages.repository';
import { MailOutbox } from './mail-outbox.repository';
import { EventContext, MAILED_EVENT_TYPES, MailEvent, planMail } from './mail-plan';
import { addressed, QueuedMessage } from './mail-recipients';
import { MailReminders, ScheduledReminder } from './mail-reminders.repository';

/**
 * Reads new outbox events and queues the messages and reminders they cause, in one transaction
 * with marking them read (`mail_planned_at`): an event is planned once, by one instance (SKIP
 * LOCKED), and the unique key of mail_message makes a replay harmless anyway. The case is read
 * here, close to the event, so a message says what happened then.
 */
@Injectable()
export class MailPlanner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly facts: MailCaseFacts,
    private readonly messages: MailMessages,
    private readonly reminders: MailReminders,
    private readonly outbox: MailOutbox,
  ) {}

  /** Plans up to `batch` events; answers how many were read. */
  async planBatch(now: Date, batch: number): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const events = await this.outbox.takeUnplanned(manager, batch);
      if (events.length === 0) return 0;
      const mailed = events.filter((e) => MAILED_EVENT_TYPES.includes(e.type));
      const cases = await this.facts.casesByReference(
        manager,
        mailed.map((e) => e.aggregateId),
      );
      const queued: QueuedMessage[] = [];
      const scheduled: ScheduledReminder[] = [];
      for (const event of mailed) {
        const c = cases.get(event.aggregateId);
        if (!c) continue;
        const plan = planMail(event, await this.contextOf(manager, event, c));
        for (const message of plan.messages) {
          queued.push(...addressed(message, c, event.id, this.config.mail));
        }
        scheduled.push(...plan.reminders.map((r) => ({ ...r, caseId: c.caseId })));
      }
      await this.messages.enqueue(manager, queued, now);
      await this.reminders.schedule(manager, scheduled);
      await this.outbox.markPlanned(
        manager,
        events.map((e) => e.id),
        now,
      );
      return events.length;
    });
  }

  private async contextOf(
    manager: EntityManager,
    event: MailEvent,
    c: MailCase,
  ): Promise<EventContext> {
    const to = event.payload.to;
    const decisionId = event.payload.decisionId;
    return {
      caseSubject: c.subject,
      customerReason:
        event.type === 'case.status_changed' && typeof to === 'string'
          ? await this.facts.customerReason(manager, c.caseId, to)
          : null,
      decisionAnswerDueAt:
        event.type === 'decision.issued' && typeof decisionId === 'string'
          ? await this.facts.decisionAnswerDueAt(manager, decisionId)
          : null,
    };
  }
}
