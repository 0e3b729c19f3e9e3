import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { WebhookDispatcher } from './webhook-dispatcher';

/** How long a run waits for its slowest receivers before the next run may start. */
const RUN_WAIT_MS = 250;

/**
 * Runs the dispatcher in the background every WEBHOOK_DISPATCH_INTERVAL_MS (off when 0, the
 * default under NODE_ENV=test). Runs never overlap, but a run waits at most 250 ms for its receivers: slower
 * attempts finish in the background. A busy run is followed at once by the next.
 * At shutdown the timer stops and the run in progress is cut short and awaited.
 */
@Injectable()
export class WebhookDispatchLoop implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('WebhookDispatcher');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly dispatcher: WebhookDispatcher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.webhooks.dispatchIntervalMs > 0) this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.dispatcher.abortInFlight();
    await this.running;
    await this.dispatcher.drain();
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.run().then((busy) => {
        this.running = undefined;
        this.schedule(busy ? 0 : this.config.webhooks.dispatchIntervalMs);
      });
    }, delayMs);
    this.timer.unref();
  }

  private async run(): Promise<boolean> {
    try {
      // A slow receiver's attempt goes on in the background; the next run serves the others.
      return (await this.dispatcher.dispatchOnce(new Date(), { waitAtMostMs: RUN_WAIT_MS })).busy;
    } catch (error) {
      this.logger.error({ err: error }, 'webhook dispatch failed');
      return false;
    }
  }
}
