import { Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';

/**
 * A background task run every so often on this instance, registered at start-up (unlike
 * `@Interval`, whose period is fixed at compile time). A slow run is not stacked on by the next
 * tick, and a failed run is logged and tried again at the next one. Tasks that must run once
 * across instances make that safe themselves (row locks, SKIP LOCKED, conditional updates).
 */
export class IntervalJob {
  private readonly logger: Logger;
  private running = false;

  constructor(
    private readonly scheduler: SchedulerRegistry,
    private readonly name: string,
    private readonly work: () => Promise<unknown>,
  ) {
    this.logger = new Logger(name);
  }

  /** Starts ticking every `everyMs`; 0 (as under test, where tests call the task) never starts. */
  start(everyMs: number): void {
    if (everyMs <= 0) return;
    const timer = setInterval(() => void this.tick(), everyMs);
    timer.unref();
    this.scheduler.addInterval(this.name, timer);
  }

  stop(): void {
    if (this.scheduler.doesExist('interval', this.name)) this.scheduler.deleteInterval(this.name);
  }

  /** One run now, unless one is still going; exposed for the spec. */
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.work();
    } catch (error) {
      this.logger.error(`${this.name} failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
