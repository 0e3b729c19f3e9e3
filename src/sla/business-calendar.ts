/**
 * Business-day arithmetic in a calendar's own time zone. Pure: the service stores
 * calendars as data and passes them in.
 */
export interface BusinessCalendar {
  readonly timeZone: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  readonly workingDays: readonly number[];
  /** Local dates, 'YYYY-MM-DD'. */
  readonly holidays: readonly string[];
}

export const DEFAULT_CALENDAR: BusinessCalendar = {
  timeZone: 'Europe/Berlin',
  workingDays: [1, 2, 3, 4, 5],
  holidays: [],
};

const DAY_MS = 86_400_000;

/** A date on the wall calendar, with no zone: the 'YYYY-MM-DD' of the calendar's holidays. */
interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

interface CivilDateTime extends CivilDate {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

// Building a DateTimeFormat costs far more than using one, and a service uses few zones.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function toCivil(instant: Date, timeZone: string): CivilDateTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  // Zone offsets are whole seconds, so the milliseconds are the same everywhere.
  const { year, month, day, hour, minute, second } = parts;
  return { year, month, day, hour, minute, second, millisecond: instant.getUTCMilliseconds() };
}

/** The civil date-time read as if it were UTC: a number to do zone-free arithmetic on. */
function civilAsUtc(c: CivilDateTime): number {
  return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second, c.millisecond);
}

function offsetAt(epochMs: number, timeZone: string): number {
  return civilAsUtc(toCivil(new Date(epochMs), timeZone)) - epochMs;
}

/**
 * The instant at which the zone's clocks show `civil`. The offsets a day either side bracket any
 * single transition. In a repeated hour the earlier instant wins; in a skipped hour the time moves
 * forward by the gap (02:30 on a spring-forward night becomes 03:30), like Temporal's
 * 'compatible' disambiguation, so the answer never depends on the host's zone.
 */
function civilToInstant(civil: CivilDateTime, timeZone: string): Date {
  const wall = civilAsUtc(civil);
  const before = wall - offsetAt(wall - DAY_MS, timeZone);
  const after = wall - offsetAt(wall + DAY_MS, timeZone);
  const matches = [before, after]
    .filter((t) => civilAsUtc(toCivil(new Date(t), timeZone)) === wall)
    .sort((a, b) => a - b);
  return new Date(matches[0] ?? before);
}

function addCivilDays(date: CivilDate, days: number): CivilDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

function isoWeekday(date: CivilDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() || 7;
}

function dateKey(date: CivilDate): string {
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

function workingDayTest(cal: BusinessCalendar): (date: CivilDate) => boolean {
  // Without a working day the loops below would never end.
  if (!cal.workingDays.some((d) => Number.isInteger(d) && d >= 1 && d <= 7)) {
    throw new RangeError('A business calendar needs at least one working day (1 = Mon … 7 = Sun)');
  }
  const holidays = new Set(cal.holidays);
  return (date) => cal.workingDays.includes(isoWeekday(date)) && !holidays.has(dateKey(date));
}

function assertCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Expected a whole number ≥ 0, got ${n}`);
}

/** Whether the instant falls, in the calendar's zone, on a working day that is not a holiday. */
export function isWorkingDay(instant: Date, cal: BusinessCalendar): boolean {
  return workingDayTest(cal)(toCivil(instant, cal.timeZone));
}

/** Complaints received on a day off are handled as received on the next working day. */
function firstWorkingDate(start: CivilDate, isWorking: (date: CivilDate) => boolean): CivilDate {
  let date = start;
  while (!isWorking(date)) date = addCivilDays(date, 1);
  return date;
}

/**
 * The same local wall-clock time `n` working days later. A start on a day off counts from the
 * next working day, so Saturday + 1 is Tuesday; n = 0 is the start itself.
 */
export function addBusinessDays(start: Date, n: number, cal: BusinessCalendar): Date {
  assertCount(n);
  const isWorking = workingDayTest(cal);
  if (n === 0) return new Date(start.getTime());
  const civil = toCivil(start, cal.timeZone);
  let date = firstWorkingDate(civil, isWorking);
  for (let counted = 0; counted < n;) {
    date = addCivilDays(date, 1);
    if (isWorking(date)) counted += 1;
  }
  return civilToInstant({ ...civil, ...date }, cal.timeZone);
}

/** Plain elapsed days (the 90-day outcome and 28-day payment deadlines are calendar days). */
export function addCalendarDays(start: Date, n: number): Date {
  if (!Number.isInteger(n)) throw new RangeError(`Expected a whole number of days, got ${n}`);
  return new Date(start.getTime() + n * DAY_MS);
}

/**
 * Working days from `from` to `to` by local date, the inverse of addBusinessDays: for any start,
 * businessDaysBetween(start, addBusinessDays(start, n)) is n. Time of day is ignored; 0 when
 * `to` is not after the first working day of `from`.
 */
export function businessDaysBetween(from: Date, to: Date, cal: BusinessCalendar): number {
  const isWorking = workingDayTest(cal);
  const end = dateKey(toCivil(to, cal.timeZone));
  let date = firstWorkingDate(toCivil(from, cal.timeZone), isWorking);
  let count = 0;
  for (date = addCivilDays(date, 1); dateKey(date) <= end; date = addCivilDays(date, 1)) {
    if (isWorking(date)) count += 1;
  }
  return count;
}
