import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { MailDispatcher } from './mail-dispatcher';

/**
 * Runs the mail dispatcher in the background every MAIL_DISPATCH_INTERVAL_MS (off when 0, the
 * default under NODE_ENV=test). Runs never overlap; a busy run is followed at once by the next.
 * At shutdown the timer stops and the run in progress is awaited.
 */
@Injectable()
export class MailDispatchLoop implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly dispatcher: MailDispatcher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.mail.dispatchIntervalMs > 0) this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.run().then((busy) => {
        this.running = undefined;
        this.schedule(busy ? 0 : this.config.mail.dispatchIntervalMs);
      });
    }, delayMs);
    this.timer.unref();
  }

  private async run(): Promise<boolean> {
    try {
      return (await this.dispatcher.dispatchOnce()).busy;
    } catch (error) {
      this.logger.error({ err: error }, 'mail dispatch failed');
      return false;
    }
  }
}
