import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { IntervalJob } from '../../common/scheduling/interval-job';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { DispatchReport, WebhookDispatcher } from './webhook-dispatcher';

/** How long a run waits for its slowest receivers before the next run may start. */
const RUN_WAIT_MS = 250;

/**
 * Runs the dispatcher in the background every WEBHOOK_DISPATCH_INTERVAL_MS (off when 0, the
 * default under NODE_ENV=test). Runs never overlap, but a run waits at most 250 ms for its receivers: slower
 * attempts finish in the background (the next run serves the others); a busy run is followed at once by the next.
 * At shutdown the timer stops and the run in progress is cut short and awaited.
 */
@Injectable()
export class WebhookDispatchLoop implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly job: IntervalJob<DispatchReport>;

  constructor(
    private readonly dispatcher: WebhookDispatcher,
    scheduler: SchedulerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.job = new IntervalJob(
      scheduler,
      'webhook-dispatch',
      () => dispatcher.dispatchOnce(new Date(), { waitAtMostMs: RUN_WAIT_MS }),
      {
        again: (report) => report.busy,
      },
    );
  }

  onApplicationBootstrap(): void {
    this.job.start(this.config.webhooks.dispatchIntervalMs);
  }

  async onModuleDestroy(): Promise<void> {
    this.job.stop();
    this.dispatcher.abortInFlight();
    await this.job.stopAndWait();
    await this.dispatcher.drain();
  }
}
