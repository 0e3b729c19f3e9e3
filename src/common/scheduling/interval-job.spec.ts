import { SchedulerRegistry } from '@nestjs/schedule';
import { IntervalJob } from './interval-job';

describe('an interval job', () => {
  it('does not start a run while the previous one is still going', async () => {
    let release!: () => void;
    let runs = 0;
    const job = new IntervalJob(new SchedulerRegistry(), 'probe', () => {
      runs += 1;
      return new Promise<void>((resolve) => (release = resolve));
    });
    const first = job.tick();
    await job.tick();
    expect(runs).toBe(1);
    release();
    await first;
    const second = job.tick();
    expect(runs).toBe(2);
    release();
    await second;
  });

  it('survives a failed run and runs again at the next tick', async () => {
    let runs = 0;
    const job = new IntervalJob(new SchedulerRegistry(), 'probe', async () => {
      runs += 1;
      if (runs === 1) throw new Error('database away');
    });
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await job.tick();
    await job.tick();
    expect(runs).toBe(2);
  });

  it('registers its timer only with a period, and removes it when stopped', () => {
    const scheduler = new SchedulerRegistry();
    const off = new IntervalJob(scheduler, 'off', async () => undefined);
    off.start(0);
    expect(scheduler.doesExist('interval', 'off')).toBe(false);
    const on = new IntervalJob(scheduler, 'on', async () => undefined);
    on.start(60_000);
    expect(scheduler.doesExist('interval', 'on')).toBe(true);
    on.stop();
    expect(scheduler.doesExist('interval', 'on')).toBe(false);
    off.stop();
  });
});

describe('an interval job that drains a queue', () => {
  it('runs again at once while a run leaves work, then waits for the next tick', async () => {
    const left = [true, true, false, true];
    let runs = 0;
    const job = new IntervalJob(new SchedulerRegistry(), 'drain', async () => left[runs++], {
      again: (busy) => busy,
    });
    await job.tick();
    expect(runs).toBe(3);
  });

  it('waits at shutdown for the run in progress, and repeats no more', async () => {
    let release!: () => void;
    let runs = 0;
    const job = new IntervalJob(
      new SchedulerRegistry(),
      'drain',
      () => {
        runs += 1;
        return new Promise<boolean>((resolve) => (release = () => resolve(true)));
      },
      { again: (busy) => busy },
    );
    const running = job.tick();
    let stopped = false;
    const stopping = job.stopAndWait().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    release();
    await stopping;
    await running;
    expect(runs).toBe(1);
  });
});
