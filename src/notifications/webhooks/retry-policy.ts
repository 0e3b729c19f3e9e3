/**
 * Exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff And Jitter"):
 * after the n-th failed attempt, wait a uniformly random time in [0, min(max, base × 2^(n-1))).
 * Jitter spreads the retries of many deliveries that failed together (a receiver outage).
 */
export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseMs: number;
  readonly maxMs: number;
}

export function retryDelayMs(
  policy: RetryPolicy,
  failedAttempts: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failedAttempts - 1));
  return Math.floor(random() * ceiling);
}

/** The next attempt's time after a failure, or null when the attempts are used up. */
export function nextAttemptAt(
  policy: RetryPolicy,
  failedAttempts: number,
  now: Date,
  random: () => number = Math.random,
): Date | null {
  if (failedAttempts >= policy.maxAttempts) return null;
  return new Date(now.getTime() + retryDelayMs(policy, failedAttempts, random));
}
