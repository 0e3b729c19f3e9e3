import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { IntervalJob } from '../common/scheduling/interval-job';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { MailDispatcher, MailDispatchReport } from './mail-dispatcher';

/**
 * Runs the mail dispatcher in the background every MAIL_DISPATCH_INTERVAL_MS (off when 0, the
 * default under NODE_ENV=test, where tests call the dispatcher). Runs never overlap; a busy run
 * is followed at once by the next. At shutdown the timer stops and the run in progress is awaited.
 */
@Injectable()
export class MailDispatchLoop implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly job: IntervalJob<MailDispatchReport>;

  constructor(
    dispatcher: MailDispatcher,
    scheduler: SchedulerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.job = new IntervalJob(scheduler, 'mail-dispatch', () => dispatcher.dispatchOnce(), {
      again: (report) => report.busy,
    });
  }

  onApplicationBootstrap(): void {
    this.job.start(this.config.mail.dispatchIntervalMs);
  }

  onModuleDestroy(): Promise<void> {
    return this.job.stopAndWait();
  }
}
