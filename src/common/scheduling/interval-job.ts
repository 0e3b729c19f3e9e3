import { Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';

export interface IntervalJobOptions<T> {
  /**
   * Whether a run left work behind (a full batch): the job then runs again at once instead of
   * waiting for the next tick, as a queue's dispatcher does until the queue is empty.
   */
  readonly again?: (result: T) => boolean;
}

/**
 * A background task run every so often on this instance, registered at start-up (unlike
 * `@Interval`, whose period is fixed at compile time). A slow run is not stacked on by the next
 * tick, and a failed run is logged and tried again at the next one. Tasks that must run once
 * across instances make that safe themselves (row locks, SKIP LOCKED, conditional updates).
 */
export class IntervalJob<T = unknown> {
  private readonly logger: Logger;
  private running: Promise<void> | null = null;
  private stopped = false;
  /** Runs the work once; answers whether to run again at once. */
  private readonly runOnce: () => Promise<boolean>;

  constructor(
    private readonly scheduler: SchedulerRegistry,
    private readonly name: string,
    work: () => Promise<T>,
    options: IntervalJobOptions<T> = {},
  ) {
    this.logger = new Logger(name);
    this.runOnce = async () => {
      const result = await work();
      return options.again?.(result) ?? false;
    };
  }

  /** Starts ticking every `everyMs`; 0 (as under test, where tests call the task) never starts. */
  start(everyMs: number): void {
    if (everyMs <= 0) return;
    this.stopped = false;
    const timer = setInterval(() => void this.tick(), everyMs);
    timer.unref();
    this.scheduler.addInterval(this.name, timer);
  }

  stop(): void {
    this.stopped = true;
    if (this.scheduler.doesExist('interval', this.name)) this.scheduler.deleteInterval(this.name);
  }

  /** Stops ticking and waits for the run in progress, if any (for shutdown). */
  async stopAndWait(): Promise<void> {
    this.stop();
    await this.running;
  }

  /** One run now (and its repeats while it leaves work), unless one is still going. */
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.runWhileBusy();
    try {
      await this.running;
    } finally {
      this.running = null;
    }
  }

  private async runWhileBusy(): Promise<void> {
    for (;;) {
      try {
        if (!(await this.runOnce()) || this.stopped) return;
      } catch (error) {
        this.logger.error(`${this.name} failed: ${(error as Error).message}`);
        return;
      }
    }
  }
}
