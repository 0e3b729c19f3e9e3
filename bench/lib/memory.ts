import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

/** The service's RSS limit through the whole bench (issue 17). */
export const RSS_LIMIT_MB = 250;

/** The machine's 1-minute load average, printed beside every figure (the machine is shared). */
export function loadAverage(): string {
  return loadavg()[0].toFixed(2);
}

/**
 * CPU time (user + system) a process has used so far, in milliseconds, from /proc: a figure of
 * work done that the neighbours on a shared machine do not inflate as they do wall time.
 */
export function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command name.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status);
    return kb ? Number(kb[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Samples the service's resident memory every 100 ms; `line` gives a scenario's peak. */
export class RssSampler {
  private peak = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly pid: number) {
    this.timer = setInterval(() => this.sample(), 100);
    this.timer.unref();
    this.sample();
  }

  reset(): void {
    this.peak = 0;
    this.sample();
  }

  line(scenario: string): string {
    this.sample();
    const met = this.peak <= RSS_LIMIT_MB ? 'met' : 'missed';
    return (
      `scenario=${scenario}:memory rss_peak_mb=${this.peak.toFixed(1)} load=${loadAverage()} ` +
      `targets=rss<=${RSS_LIMIT_MB}MB:${met}`
    );
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private sample(): void {
    this.peak = Math.max(this.peak, rssMb(this.pid));
  }
}
