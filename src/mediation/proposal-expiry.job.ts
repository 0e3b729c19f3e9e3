import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ProposalExpirySweep } from './proposal-expiry.sweep';

const JOB = 'proposal-expiry';

/** Runs the expiry sweep with the deadline sweep's period (`SLA_SWEEP_INTERVAL_MS`; 0: never). */
@Injectable()
export class ProposalExpiryJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ProposalExpiryJob.name);
  private running = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scheduler: SchedulerRegistry,
    private readonly sweep: ProposalExpirySweep,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.sla.sweepIntervalMs;
    if (every > 0) {
      this.scheduler.addInterval(
        JOB,
        setInterval(() => void this.tick(), every),
      );
    }
  }

  onModuleDestroy(): void {
    if (this.scheduler.doesExist('interval', JOB)) this.scheduler.deleteInterval(JOB);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.sweep.run();
    } catch (error) {
      this.logger.error(`Proposal expiry sweep failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
