import { Inject, Injectable, Logger } from '@nestjs/common';
import { setMaxListeners } from 'node:events';
import { performance } from 'node:perf_hooks';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { nextAttemptAt } from './retry-policy';
import { openSecret } from './secret-box';
import { resolveWebhookTarget } from './url-guard';
import { ClaimedDelivery, WebhookDeliveries } from './webhook-deliveries.repository';
import { sendWebhook } from './webhook-sender';
import { signWebhook } from './webhook-signature';

export interface DispatchReport {
  /** Outbox events matched against the subscriptions in this run. */
  readonly eventsFannedOut: number;
  /** Deliveries attempted in this run, and how many of those the receivers took. */
  readonly attempted: number;
  readonly delivered: number;
  /** True when a batch was full: more work is probably waiting. */
  readonly busy: boolean;
}

const FAN_OUT_BATCH = 500;
const FAN_OUT_ROUNDS = 10;
const DELIVERY_BATCH = 25;
/** A claim outlives the attempt's timeout by this much; a crashed claimer's rows come back after. */
const LEASE_MARGIN_MS = 30_000;
const MAX_ERROR_LENGTH = 500;
/** Attempts one instance keeps running at once, slow receivers' included. */
const MAX_IN_FLIGHT = 8 * DELIVERY_BATCH;

type Outcome = 'delivered' | 'failed' | 'pending' | 'cancelled';

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * Delivers outbox events to webhook subscribers, at least once. All state is in PostgreSQL: an
 * event committed just before a crash is fanned out and delivered by whichever instance runs next,
 * and instances side by side never attempt one delivery at the same time (see the queue).
 */
@Injectable()
export class WebhookDispatcher {
  private readonly logger = new Logger('WebhookDispatcher');
  private readonly shutdown = new AbortController();
  private readonly inFlight = new Set<Promise<Outcome>>();

  constructor(
    private readonly queue: WebhookDeliveries,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // Every attempt in flight listens for shutdown; a few overlapping runs exceed Node's default 10.
    setMaxListeners(MAX_IN_FLIGHT + 8 * DELIVERY_BATCH, this.shutdown.signal);
  }

  /**
   * One pass: fan new events out, then attempt the deliveries that are due at `now`. With
   * `waitAtMostMs` the pass returns after that long even if some receivers have not answered:
   * their attempts go on (each until WEBHOOK_TIMEOUT_MS) while the next pass serves the others,
   * so a receiver that never answers cannot hold back every other subscriber.
   */
  async dispatchOnce(
    now: Date = new Date(),
    options: { waitAtMostMs?: number } = {},
  ): Promise<DispatchReport> {
    let eventsFannedOut = 0;
    let fanOutBusy = false;
    for (let round = 0; round < FAN_OUT_ROUNDS; round += 1) {
      const events = await this.queue.fanOut(now, FAN_OUT_BATCH);
      eventsFannedOut += events;
      fanOutBusy = events === FAN_OUT_BATCH;
      if (!fanOutBusy) break;
    }
    const leaseMs = this.config.webhooks.timeoutMs + LEASE_MARGIN_MS;
    const room = Math.min(DELIVERY_BATCH, MAX_IN_FLIGHT - this.inFlight.size);
    const claimed = room > 0 ? await this.queue.claim(now, room, leaseMs) : [];
    const outcomes: Outcome[] = [];
    const attempts = claimed.map((delivery) => this.track(this.attempt(delivery, now), outcomes));
    const all = Promise.all(attempts);
    if (options.waitAtMostMs === undefined) await all;
    else await Promise.race([all, delay(options.waitAtMostMs)]);
    return {
      eventsFannedOut,
      attempted: outcomes.filter((outcome) => outcome !== 'cancelled').length,
      delivered: outcomes.filter((outcome) => outcome === 'delivered').length,
      busy: fanOutBusy || claimed.length === DELIVERY_BATCH,
    };
  }

  /** Cuts attempts in flight short at shutdown; they are logged as failed and retried later. */
  abortInFlight(): void {
    this.shutdown.abort();
  }

  /** Resolves once every attempt still running (left behind by `waitAtMostMs`) has settled. */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  private track(attempt: Promise<Outcome>, outcomes: Outcome[]): Promise<Outcome> {
    const tracked = attempt.then((outcome) => {
      outcomes.push(outcome);
      return outcome;
    });
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked)).catch(() => undefined);
    return tracked;
  }

  private async attempt(delivery: ClaimedDelivery, now: Date): Promise<Outcome> {
    if (delivery.subscription_deleted) {
      await this.queue.cancel(delivery);
      return 'cancelled';
    }
    const started = performance.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      statusCode = await this.send(delivery);
      if (statusCode < 200 || statusCode >= 300) error = `the receiver answered ${statusCode}`;
    } catch (caught) {
      error = this.shutdown.signal.aborted
        ? 'cut short: the service was shutting down'
        : describe(caught);
    }
    const durationMs = Math.round(performance.now() - started);
    const finishedAt = new Date(now.getTime() + durationMs);
    const { maxAttempts, retryBaseMs, retryMaxMs } = this.config.webhooks;
    const retryAt =
      error === null
        ? null
        : nextAttemptAt(
            { maxAttempts, baseMs: retryBaseMs, maxMs: retryMaxMs },
            delivery.attempt_count,
            finishedAt,
          );
    const status = error === null ? 'delivered' : retryAt === null ? 'failed' : 'pending';
    await this.queue.settle(delivery, {
      attemptedAt: now,
      durationMs,
      statusCode,
      error,
      status,
      nextAttemptAt: retryAt,
      deliveredAt: error === null ? finishedAt : null,
    });
    const log = {
      subscriptionId: delivery.subscription_id,
      eventId: delivery.event_id,
      attempt: delivery.attempt_count,
      statusCode,
      durationMs,
      error,
    };
    if (error === null) this.logger.debug(log, 'webhook delivered');
    else this.logger.warn(log, 'webhook attempt failed');
    return status;
  }

  private async send(delivery: ClaimedDelivery): Promise<number> {
    const { secretKey, allowPrivateAddresses, timeoutMs } = this.config.webhooks;
    if (secretKey === undefined) throw new Error('no WEBHOOK_SECRET_KEY to open the secret');
    let secret: string;
    try {
      secret = openSecret(secretKey, delivery.subscription_id, delivery.secret_sealed);
    } catch {
      throw new Error('the subscription secret cannot be opened (was WEBHOOK_SECRET_KEY changed?)');
    }
    const url = new URL(delivery.url);
    const addresses = await resolveWebhookTarget(url, allowPrivateAddresses);
    const body = JSON.stringify({
      id: delivery.event_id,
      type: delivery.type,
      timestamp: delivery.occurred_at.toISOString(),
      aggregate: { type: delivery.aggregate_type, id: delivery.aggregate_id },
      data: delivery.payload,
    });
    const timestamp = Math.floor(Date.now() / 1000);
    return sendWebhook({
      url,
      addresses,
      body,
      timeoutMs,
      signal: this.shutdown.signal,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'ombudsman-webhooks/1',
        'webhook-id': delivery.event_id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signWebhook(secret, { id: delivery.event_id, timestamp, body }),
      },
    });
  }
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH);
}
