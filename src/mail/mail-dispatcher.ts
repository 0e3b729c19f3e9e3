import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../auth/actor';
import { CaseEvent, CaseRecorder, RecordedCase } from '../cases/case-recorder';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { connectionWaiters } from '../database/pool-pressure';
import { nextAttemptAt } from '../notifications/webhooks/retry-policy';
import { openSecret } from '../notifications/webhooks/secret-box';
import { caseLink } from './mail-links';
import { AttemptOutcome, ClaimedMessage, MailMessages } from './mail-messages.repository';
import { MailPlanner } from './mail-planner';
import { MailTransport } from './mail-transport';
import { ReminderSweep } from './reminder-sweep';
import { SettleQueue } from './settle-queue';
import { classifySendFailure } from './smtp-failure';
import { renderMail } from './templates/render-mail';

export interface MailDispatchReport {
  readonly eventsPlanned: number;
  readonly remindersQueued: number;
  readonly attempted: number;
  readonly sent: number;
  /** True when a batch was full: more work is probably waiting. */
  readonly busy: boolean;
}

const PLAN_BATCH = 500;
const PLAN_ROUNDS = 10;
const SEND_BATCH = 50;
/**
 * A pass while requests wait for database connections (the service is saturated): one small
 * batch, and the next pass waits for the next tick, so mail takes a bounded share of the
 * process (about 10 messages per tick) and filings keep theirs; the queue catches up after.
 */
const PRESSED_BATCH = 10;
/** Claims per pass: new events get planned between passes, so a long queue does not hold them. */
const SEND_ROUNDS = 10;
/**
 * Settlement transactions at once, and messages in each: a batch's record is a few multi-row
 * statements, so one transaction per batch, two at most (the two batches in flight).
 */
const SETTLE_CONCURRENCY = 2;
const SETTLE_CHUNK = SEND_BATCH;
/** A claim outlives an attempt's connection, greeting and socket timeouts by this much. */
const LEASE_MARGIN_MS = 30_000;
const MAIL_ACTOR = { ...SYSTEM_ACTOR, name: 'Mail' };

/**
 * Turns outbox events into messages and sends them, at most once each: all state is in
 * PostgreSQL (see MailMessages), so a message queued before a crash is sent after it and two
 * instances never send one message. Nothing here runs inside a request.
 */
@Injectable()
export class MailDispatcher {
  private readonly logger = new Logger('Mail');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly planner: MailPlanner,
    private readonly reminders: ReminderSweep,
    private readonly messages: MailMessages,
    private readonly transport: MailTransport,
    private readonly recorder: CaseRecorder,
  ) {}

  /** One pass: plan new events, queue due reminders, then attempt the messages due at `now`. */
  async dispatchOnce(now: Date = new Date()): Promise<MailDispatchReport> {
    let eventsPlanned = 0;
    let planBusy = false;
    for (let round = 0; round < PLAN_ROUNDS; round += 1) {
      const planned = await this.planner.planBatch(now, PLAN_BATCH);
      eventsPlanned += planned;
      planBusy = planned === PLAN_BATCH;
      if (!planBusy || this.pressed()) break;
    }
    const { queued: remindersQueued } = await this.reminders.run(now);
    const sending = await this.sendDue(now);
    // Work left over while requests wait for connections waits for the next tick.
    const busy = (planBusy || sending.busy) && !this.pressed();
    return { eventsPlanned, remindersQueued, ...sending, busy };
  }

  /**
   * Sends the due messages batch by batch, two batches in flight: the next batch is claimed and
   * handed to the transport while the previous one finishes, and each batch is settled as soon
   * as it is done, in a few transactions at once (SettleQueue), so the pooled SMTP connections
   * never wait for a claim or a settlement.
   */
  private async sendDue(now: Date): Promise<{ attempted: number; sent: number; busy: boolean }> {
    const leaseMs = 3 * this.config.mail.timeoutMs + LEASE_MARGIN_MS;
    let attempted = 0;
    let sent = 0;
    let busy = false;
    let previous: Promise<AttemptOutcome[]> | null = null;
    const settling = new SettleQueue<AttemptOutcome>(SETTLE_CONCURRENCY, SETTLE_CHUNK, (chunk) =>
      this.settle(chunk),
    );
    const finish = async (batch: Promise<AttemptOutcome[]>) => {
      const outcomes = await batch;
      attempted += outcomes.length;
      sent += outcomes.filter((o) => o.status === 'sent').length;
      settling.add(outcomes);
    };
    try {
      for (let round = 0; round < SEND_ROUNDS; round += 1) {
        const pressed = this.pressed();
        const limit = pressed ? PRESSED_BATCH : SEND_BATCH;
        const claimed = await this.messages.claim(now, limit, leaseMs);
        const full = claimed.length === limit && !pressed;
        const done = previous;
        previous =
          claimed.length === 0
            ? null
            : Promise.all(claimed.map((message) => this.attempt(message, now)));
        if (done) await finish(done);
        if (!full) break;
        busy = round === SEND_ROUNDS - 1;
      }
    } finally {
      // A batch sent must be settled even when a claim failed meanwhile.
      if (previous) await finish(previous);
      await settling.drain();
    }
    return { attempted, sent, busy };
  }

  /** Requests are waiting for database connections: give them the process. */
  private pressed(): boolean {
    return connectionWaiters(this.dataSource) > 0;
  }

  private async attempt(message: ClaimedMessage, now: Date): Promise<AttemptOutcome> {
    let subject: string | null = null;
    try {
      const link = caseLink(
        this.config.mail.publicBaseUrl,
        message.audience,
        message.params.reference,
        this.tokenOf(message),
      );
      const mail = renderMail(message.template, message.language, message.params, link);
      subject = mail.subject;
      if (mail.fellBack) {
        this.logger.warn(
          { template: message.template, language: message.language, messageId: message.id },
          `no ${message.language} text for mail template ${message.template}: sent in English`,
        );
      }
      const messageId = await this.transport.send({
        id: message.id,
        to: { name: message.recipientName, address: message.recipient },
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        language: mail.language,
        label: `${message.params.reference}-${message.template}`,
      });
      return {
        message,
        status: 'sent',
        subject,
        messageId,
        error: null,
        at: new Date(),
        nextAttemptAt: null,
      };
    } catch (caught) {
      const failure = classifySendFailure(caught);
      const { maxAttempts, retryBaseMs, retryMaxMs } = this.config.mail;
      const retryAt = failure.permanent
        ? null
        : nextAttemptAt(
            { maxAttempts, baseMs: retryBaseMs, maxMs: retryMaxMs },
            message.attempts,
            now,
          );
      this.logger.warn(
        {
          messageId: message.id,
          template: message.template,
          attempt: message.attempts,
          error: failure.error,
        },
        retryAt ? 'mail attempt failed; will retry' : 'mail failed for good',
      );
      return {
        message,
        status: retryAt ? 'queued' : 'failed',
        subject,
        messageId: null,
        error: failure.error,
        at: new Date(),
        nextAttemptAt: retryAt,
      };
    }
  }

  private tokenOf(message: ClaimedMessage): string | undefined {
    if (message.tokenSealed === null) return undefined;
    const key = this.config.mail.tokenKey;
    if (key === undefined) throw new Error('no key to open the access-link token');
    return openSecret(key, message.id, message.tokenSealed);
  }

  /**
   * Every outcome of a batch in one transaction, each message sent recorded on its case: a
   * "customer notified" entry the customer sees (a "company notified" one the company sees),
   * with the subject they got and the time, and an audit entry naming the recipient and the
   * Message-ID, so when a party was told can be shown from the tamper-evident record. The
   * marks, entries and audit entries of the whole batch are a few multi-row statements
   * (`CaseRecorder.recordMany`), not a few statements per message.
   */
  private async settle(outcomes: readonly AttemptOutcome[]): Promise<void> {
    if (outcomes.length === 0) return;
    await this.dataSource.transaction(async (manager) => {
      const applied = await this.messages.settle(manager, outcomes);
      const sent = outcomes.filter((o) => o.status === 'sent' && applied.has(o.message.id));
      await this.recorder.recordMany(manager, sent.map(notifiedChange));
    });
  }
}

/** The change a message sent makes to its case's record. */
function notifiedChange(outcome: AttemptOutcome): { case: RecordedCase; change: CaseEvent } {
  const { message } = outcome;
  const facts = {
    notificationId: message.id,
    template: message.template,
    language: message.language,
    messageId: outcome.messageId,
    sentAt: outcome.at.toISOString(),
  };
  return {
    case: { id: message.caseId, reference: message.params.reference },
    change: {
      actor: MAIL_ACTOR,
      timeline: {
        type: `${message.audience}.notified`,
        audience: message.audience,
        ...(outcome.subject ? { body: outcome.subject } : {}),
        data: facts,
      },
      audit: { action: 'mail.sent', after: { ...facts, recipient: message.recipient } },
    },
  };
}
