import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { SlaSweep } from './sla-sweep';

const JOB = 'sla-sweep';

/**
 * Runs the sweep on every instance every `SLA_SWEEP_INTERVAL_MS` (0: never, as under test).
 * Registered at start-up rather than with `@Interval`, whose period is fixed at compile time.
 */
@Injectable()
export class SlaSweepJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SlaSweepJob.name);
  private running = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scheduler: SchedulerRegistry,
    private readonly sweep: SlaSweep,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.sla.sweepIntervalMs;
    if (every > 0)
      this.scheduler.addInterval(
        JOB,
        setInterval(() => void this.tick(), every),
      );
  }

  onModuleDestroy(): void {
    if (this.scheduler.doesExist('interval', JOB)) this.scheduler.deleteInterval(JOB);
  }

  private async tick(): Promise<void> {
    // A slow sweep is not stacked on by the next tick of this instance.
    if (this.running) return;
    this.running = true;
    try {
      await this.sweep.run();
    } catch (error) {
      this.logger.error(`SLA sweep failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
