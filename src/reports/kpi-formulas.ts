/**
 * The arithmetic of the KPI report, public statistics and annual report. SQL aggregates (counts,
 * sums, histograms); these functions turn aggregates into published figures. Plain TypeScript, so
 * every figure can be checked against an answer worked out by hand.
 */

/** `count` observations of `value` (e.g. 3 cases that took 48 hours). */
export interface Bucket {
  readonly value: number;
  readonly count: number;
}

/** No public figure is built from fewer cases than this (a small count could identify someone). */
export const PUBLIC_MINIMUM_CASES = 5;

/** Rounds half away from zero at `decimals` places, without binary-fraction surprises (2.675 → 2.68). */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  // toPrecision strips the float noise that makes 2.675 * 100 = 267.49999999999997.
  const rounded = Math.round(Number(scaled.toPrecision(12))) / factor;
  return value < 0 ? -rounded : rounded;
}

/** `part` of `whole` in percent with one decimal; null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return roundTo((part * 100) / whole, 1);
}

function total(buckets: readonly Bucket[]): number {
  return buckets.reduce((sum, b) => sum + b.count, 0);
}

/**
 * The p-quantile (0 ≤ p ≤ 1) of the observations the buckets describe, interpolating linearly
 * between neighbours as PostgreSQL's percentile_cont does; null when there is none.
 */
export function percentile(buckets: readonly Bucket[], p: number): number | null {
  if (p < 0 || p > 1) throw new RangeError('p must be between 0 and 1');
  const sorted = buckets.filter((b) => b.count > 0).sort((a, b) => a.value - b.value);
  const n = total(sorted);
  if (n === 0) return null;
  const position = p * (n - 1);
  const lowerRank = Math.floor(position);
  const fraction = position - lowerRank;
  const lower = valueAtRank(sorted, lowerRank);
  if (fraction === 0) return lower;
  const upper = valueAtRank(sorted, lowerRank + 1);
  return lower + (upper - lower) * fraction;
}

/** The value of the observation at 0-based `rank` in ascending order. */
function valueAtRank(sorted: readonly Bucket[], rank: number): number {
  let seen = 0;
  for (const bucket of sorted) {
    seen += bucket.count;
    if (rank < seen) return bucket.value;
  }
  return sorted[sorted.length - 1].value;
}

export function median(buckets: readonly Bucket[]): number | null {
  return percentile(buckets, 0.5);
}

/** The mean, rounded to `decimals`; null without observations. */
export function average(buckets: readonly Bucket[], decimals = 2): number | null {
  const n = total(buckets);
  if (n === 0) return null;
  const sum = buckets.reduce((s, b) => s + b.value * b.count, 0);
  return roundTo(sum / n, decimals);
}

/** Hours to days with one decimal (durations are measured in whole hours). */
export function hoursToDays(hours: number | null): number | null {
  return hours === null ? null : roundTo(hours / 24, 1);
}

/** Ratings 1 to 5 with every rating present, zeros included, so charts never guess. */
export function ratingDistribution(buckets: readonly Bucket[]): Record<1 | 2 | 3 | 4 | 5, number> {
  const counts = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const b of buckets) {
    if (b.value in counts) counts[b.value as 1 | 2 | 3 | 4 | 5] += b.count;
  }
  return counts;
}

export interface Ranked {
  readonly key: string;
  readonly count: number;
  readonly percent: number | null;
}

/** The largest counts first (ties by key, so the order is stable), each with its share of `of`. */
export function topCounts(
  counts: Readonly<Record<string, number>>,
  limit: number,
  of: number,
): Ranked[] {
  return Object.entries(counts)
    .filter(([, count]) => count > 0)
    .sort(([ka, a], [kb, b]) => b - a || (ka < kb ? -1 : ka > kb ? 1 : 0))
    .slice(0, limit)
    .map(([key, count]) => ({ key, count, percent: percent(count, of) }));
}

export function sumOf(counts: Readonly<Record<string, number>>, keys: readonly string[]): number {
  return keys.reduce((sum, key) => sum + (counts[key] ?? 0), 0);
}

/** A published figure: its value, or suppressed when built from fewer than the minimum of cases. */
export interface PublicFigure {
  readonly value: number | null;
  readonly suppressed: boolean;
}

export function publicFigure(
  value: number | null,
  basedOnCases: number,
  minimum = PUBLIC_MINIMUM_CASES,
): PublicFigure {
  if (basedOnCases < minimum) return { value: null, suppressed: true };
  return { value, suppressed: false };
}

export interface SuppressedGroup<K extends string> {
  readonly cells: Record<K, PublicFigure>;
  readonly total: PublicFigure;
}

/**
 * Cells of one breakdown (e.g. closed cases by outcome) and their published total, with small
 * cells suppressed (primary) and, where a suppressed count could be recovered by subtraction,
 * one more (secondary): when every case hidden in the group sits in a single cell (total minus
 * the published cells gives it exactly), the next smallest published cell is hidden too, or the
 * total when there is none. Hidden zero cells do not protect: a zero is recovered as easily.
 */
export function suppressGroup<K extends string>(
  counts: Readonly<Record<K, number>>,
  total: number,
  minimum = PUBLIC_MINIMUM_CASES,
): SuppressedGroup<K> {
  const keys = Object.keys(counts) as K[];
  const hidden = new Set(keys.filter((k) => counts[k] < minimum));
  let totalHidden = total < minimum;
  const hiddenWithCases = [...hidden].filter((k) => counts[k] > 0);
  if (!totalHidden && hiddenWithCases.length === 1) {
    const next = keys
      .filter((k) => !hidden.has(k))
      .sort((a, b) => counts[a] - counts[b] || (a < b ? -1 : a > b ? 1 : 0))[0];
    if (next === undefined) totalHidden = true;
    else hidden.add(next);
  }
  const figure = (value: number, hide: boolean): PublicFigure =>
    hide ? { value: null, suppressed: true } : { value, suppressed: false };
  return {
    cells: Object.fromEntries(keys.map((k) => [k, figure(counts[k], hidden.has(k))])) as Record<
      K,
      PublicFigure
    >,
    total: figure(total, totalHidden),
  };
}
