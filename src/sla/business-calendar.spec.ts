import fc from 'fast-check';
import {
  BusinessCalendar,
  DEFAULT_CALENDAR,
  addBusinessDays,
  addCalendarDays,
  businessDaysBetween,
  isWorkingDay,
} from './business-calendar';

const BERLIN = DEFAULT_CALENDAR;
const NEW_YORK: BusinessCalendar = { ...DEFAULT_CALENDAR, timeZone: 'America/New_York' };
const EVERY_DAY: readonly number[] = [1, 2, 3, 4, 5, 6, 7];
const HOUR = 3_600_000;

function localDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(instant);
}

function localTime(instant: Date, timeZone: string): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, timeStyle: 'medium' });
  return `${time.format(instant)}.${instant.getUTCMilliseconds()}`;
}

// 2020–2035 spans many DST changes in both zones.
const instant = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) })
  .map((ms) => new Date(ms));
const holidays = fc.uniqueArray(
  fc
    .date({
      min: new Date(Date.UTC(2020, 0, 1)),
      max: new Date(Date.UTC(2036, 0, 1)),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10)),
  { maxLength: 30 },
);
const calendar = fc.record({
  timeZone: fc.constantFrom('Europe/Berlin', 'America/New_York', 'Asia/Shanghai', 'UTC'),
  workingDays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
  holidays,
});
// These zones change their clocks on Sundays, so without Sunday no intermediate result falls in
// a skipped hour (which would legitimately shift the wall time of the second step).
const noSundays = calendar.map((cal) => ({
  ...cal,
  workingDays: cal.workingDays
    .filter((d) => d !== 7)
    .concat(cal.workingDays.includes(7) ? [1] : []),
}));
const count = fc.integer({ min: 0, max: 40 });

describe('hand examples', () => {
  it('takes a Friday plus one business day to the following Monday at the same time', () => {
    const friday = new Date('2026-06-12T09:30:00+02:00');
    expect(addBusinessDays(friday, 1, BERLIN)).toEqual(new Date('2026-06-15T09:30:00+02:00'));
  });

  it('skips a holiday', () => {
    const cal = { ...BERLIN, holidays: ['2026-12-24', '2026-12-25'] };
    const wednesday = new Date('2026-12-23T10:00:00+01:00');
    expect(addBusinessDays(wednesday, 1, cal)).toEqual(new Date('2026-12-28T10:00:00+01:00'));
  });

  it('counts a start on Saturday from Monday, so one business day later is Tuesday', () => {
    const saturday = new Date('2026-06-13T11:00:00+02:00');
    expect(addBusinessDays(saturday, 1, BERLIN)).toEqual(new Date('2026-06-16T11:00:00+02:00'));
  });

  it('returns the start itself for zero business days, even on a weekend', () => {
    const saturday = new Date('2026-06-13T11:00:00+02:00');
    expect(addBusinessDays(saturday, 0, BERLIN)).toEqual(saturday);
  });

  it('gives a front-line complaint filed on a Monday its 15-business-day deadline three weeks on', () => {
    const monday = new Date('2026-03-02T08:00:00Z');
    expect(addBusinessDays(monday, 15, BERLIN)).toEqual(new Date('2026-03-23T08:00:00Z'));
  });

  it('keeps 09:00 in Berlin across the spring change, so the gap is 71 hours', () => {
    const friday = new Date('2026-03-27T09:00:00+01:00');
    const monday = addBusinessDays(friday, 1, BERLIN);
    expect(monday).toEqual(new Date('2026-03-30T09:00:00+02:00'));
    expect(monday.getTime() - friday.getTime()).toBe(71 * HOUR);
  });

  it('keeps 09:00 in New York across the autumn change, so the gap is 73 hours', () => {
    const friday = new Date('2026-10-30T09:00:00-04:00');
    const monday = addBusinessDays(friday, 1, NEW_YORK);
    expect(monday).toEqual(new Date('2026-11-02T09:00:00-05:00'));
    expect(monday.getTime() - friday.getTime()).toBe(73 * HOUR);
  });

  it('moves a wall time that does not exist forward by the skipped hour', () => {
    const cal = { ...BERLIN, workingDays: EVERY_DAY };
    const saturday = new Date('2026-03-28T02:30:00+01:00');
    expect(addBusinessDays(saturday, 1, cal)).toEqual(new Date('2026-03-29T03:30:00+02:00'));
  });

  it('takes the first of two occurrences of a repeated wall time', () => {
    const cal = { ...BERLIN, workingDays: EVERY_DAY };
    const saturday = new Date('2026-10-24T02:30:00+02:00');
    expect(addBusinessDays(saturday, 1, cal)).toEqual(new Date('2026-10-25T02:30:00+02:00'));
  });

  it('reads the working day in the calendar zone, not in UTC', () => {
    const mondayInBerlinSundayInUtc = new Date('2026-06-14T22:30:00Z');
    expect(isWorkingDay(mondayInBerlinSundayInUtc, BERLIN)).toBe(true);
    expect(isWorkingDay(mondayInBerlinSundayInUtc, { ...BERLIN, timeZone: 'UTC' })).toBe(false);
    expect(
      isWorkingDay(new Date('2026-12-25T12:00:00Z'), { ...BERLIN, holidays: ['2026-12-25'] }),
    ).toBe(false);
  });

  it('adds calendar days as plain 24-hour days', () => {
    const start = new Date('2026-03-01T12:00:00Z');
    expect(addCalendarDays(start, 90)).toEqual(new Date('2026-05-30T12:00:00Z'));
  });

  it('counts the business days between two instants by local date', () => {
    const friday = new Date('2026-06-12T17:00:00+02:00');
    expect(businessDaysBetween(friday, new Date('2026-06-15T08:00:00+02:00'), BERLIN)).toBe(1);
    expect(businessDaysBetween(friday, new Date('2026-06-14T08:00:00+02:00'), BERLIN)).toBe(0);
    expect(businessDaysBetween(friday, new Date('2026-06-01T08:00:00+02:00'), BERLIN)).toBe(0);
  });

  it('refuses a calendar without working days and a negative or fractional count', () => {
    const start = new Date('2026-06-12T09:00:00Z');
    expect(() => addBusinessDays(start, 1, { ...BERLIN, workingDays: [] })).toThrow(RangeError);
    expect(() => addBusinessDays(start, -1, BERLIN)).toThrow(RangeError);
    expect(() => addBusinessDays(start, 1.5, BERLIN)).toThrow(RangeError);
  });
});

describe('properties', () => {
  it('never lands on a day off or a holiday', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 40 }), calendar, (start, n, cal) => {
        const due = addBusinessDays(start, n, cal);
        expect(isWorkingDay(due, cal)).toBe(true);
        expect(cal.holidays).not.toContain(localDate(due, cal.timeZone));
      }),
    );
  });

  it('moves strictly later as the number of days grows', () => {
    fc.assert(
      fc.property(instant, count, count, calendar, (start, a, b, cal) => {
        fc.pre(a !== b);
        const [n, m] = a < b ? [a, b] : [b, a];
        expect(addBusinessDays(start, n, cal).getTime()).toBeLessThan(
          addBusinessDays(start, m, cal).getTime(),
        );
      }),
    );
  });

  it('adds n then m like n + m from a working day', () => {
    fc.assert(
      fc.property(instant, count, count, noSundays, (start, n, m, cal) => {
        fc.pre(isWorkingDay(start, cal));
        const stepwise = addBusinessDays(addBusinessDays(start, n, cal), m, cal);
        expect(stepwise).toEqual(addBusinessDays(start, n + m, cal));
      }),
    );
  });

  it('keeps the local wall-clock time across DST changes in Berlin and New York', () => {
    fc.assert(
      fc.property(instant, count, fc.constantFrom(BERLIN, NEW_YORK), (start, n, cal) => {
        const due = addBusinessDays(start, n, cal);
        expect(localTime(due, cal.timeZone)).toBe(localTime(start, cal.timeZone));
      }),
    );
  });

  it('spans whole local days: elapsed time differs from whole days only by the DST offset change', () => {
    const offsetMs = (at: Date, timeZone: string): number => {
      const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
        .formatToParts(at)
        .find((part) => part.type === 'timeZoneName')?.value;
      const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
      if (!match) return 0;
      const minutes = Number(match[2]) * 60 + Number(match[3]);
      return (match[1] === '-' ? -minutes : minutes) * 60_000;
    };
    fc.assert(
      fc.property(instant, count, noSundays, (start, n, cal) => {
        const due = addBusinessDays(start, n, cal);
        const wallElapsed =
          due.getTime() -
          start.getTime() +
          offsetMs(due, cal.timeZone) -
          offsetMs(start, cal.timeZone);
        expect(wallElapsed % (24 * HOUR)).toBe(0);
      }),
    );
  });

  it('counts back the days it added', () => {
    fc.assert(
      fc.property(instant, count, calendar, (start, n, cal) => {
        expect(businessDaysBetween(start, addBusinessDays(start, n, cal), cal)).toBe(n);
      }),
    );
  });
});
