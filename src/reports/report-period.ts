import { DomainError } from '../common/errors/domain-error';

export interface Period {
  readonly from: Date;
  readonly to: Date;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
const MAX_SPAN_DAYS = 3660;

export function yearPeriod(year: number): Period {
  return { from: new Date(Date.UTC(year, 0, 1)), to: new Date(Date.UTC(year + 1, 0, 1)) };
}

/**
 * `from` and `to` as a half-open period. A date alone means the whole day, so `to=2026-12-31`
 * includes 31 December; the default is the current calendar year (UTC).
 */
export function parsePeriod(from: string | undefined, to: string | undefined, now: Date): Period {
  const year = yearPeriod(now.getUTCFullYear());
  const start = from === undefined ? year.from : new Date(from);
  let end = to === undefined ? year.to : new Date(to);
  if (to !== undefined && DATE_ONLY.test(to)) end = new Date(end.getTime() + DAY_MS);
  const invalid = (field: string, message: string) =>
    new DomainError('VALIDATION_FAILED', message, {}, [{ field, message }]);
  if (end <= start) throw invalid('to', 'to must be after from');
  if (end.getTime() - start.getTime() > MAX_SPAN_DAYS * DAY_MS)
    throw invalid('to', 'the period may span at most ten years');
  return { from: start, to: end };
}
