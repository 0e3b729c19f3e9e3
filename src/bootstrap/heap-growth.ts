import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the heap grow past what survived the last full collection before it collects
 * again, in percent. Its own heuristic let the heap of a service with 50–70 MB live grow to
 * 175 MB under load, and the service's resident memory past 280 MB in `npm run bench`, against
 * a budget of 250 MB (bench/README.md). At 100 % the heap stays near twice what is live: on the
 * home page at 10 connections the peak went from 279–303 MB to 202 MB, at the same throughput
 * within the noise of the machine (3,977 against 3,681–3,933 requests/s).
 */
export const HEAP_GROWING_PERCENT = 100;

/** The flag to set, or null when the operator started Node with a choice of their own. */
export function heapGrowthFlag(
  execArgv: readonly string[],
  percent = HEAP_GROWING_PERCENT,
): string | null {
  if (execArgv.some((arg) => /^--heap[-_]growing[-_]percent\b/.test(arg))) return null;
  return `--heap-growing-percent=${percent}`;
}

/** Bounds the heap's growth (at start, before the application allocates much). */
export function limitHeapGrowth(execArgv: readonly string[] = process.execArgv): void {
  const flag = heapGrowthFlag(execArgv);
  if (flag) setFlagsFromString(flag);
}
