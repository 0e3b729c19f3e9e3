import { addMonths, assessEligibility } from './eligibility';

const now = new Date('2026-11-23T10:00:00Z');
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);

describe('assessEligibility', () => {
  const limit = { now, timeLimitMonths: 6 };

  it('refers a dispute without any front-line complaint to the front line', () => {
    expect(assessEligibility({ ...limit, complaint: null })).toEqual({
      status: 'referred_to_frontline',
      reason: 'no_frontline_complaint',
    });
  });

  it('refers a dispute whose front-line deadline is still running to the front line', () => {
    const complaint = { responseDueAt: days(3), finalResponseAt: null };
    expect(assessEligibility({ ...limit, complaint }).status).toBe('referred_to_frontline');
  });

  it('takes a dispute whose front-line deadline passed without an answer', () => {
    const complaint = { responseDueAt: days(-1), finalResponseAt: null };
    expect(assessEligibility({ ...limit, complaint })).toEqual({
      status: 'submitted',
      reason: 'frontline_deadline_passed',
    });
  });

  it('takes a dispute after a recent final response', () => {
    const complaint = { responseDueAt: days(-30), finalResponseAt: days(-20) };
    expect(assessEligibility({ ...limit, complaint }).status).toBe('submitted');
  });

  it('rejects a dispute brought more than six months after the final response', () => {
    const complaint = {
      responseDueAt: days(-300),
      finalResponseAt: new Date('2026-05-22T10:00:00Z'),
    };
    expect(assessEligibility({ ...limit, complaint })).toEqual({
      status: 'rejected',
      reason: 'out_of_time',
    });
  });

  it('still takes a dispute brought on the last day of the time limit', () => {
    const complaint = {
      responseDueAt: days(-300),
      finalResponseAt: new Date('2026-05-23T10:00:00Z'),
    };
    expect(assessEligibility({ ...limit, complaint }).status).toBe('submitted');
  });
});

describe('addMonths', () => {
  it('clamps to the last day of a shorter month', () => {
    expect(addMonths(new Date('2026-08-31T12:00:00Z'), 6).toISOString()).toBe(
      '2027-02-28T12:00:00.000Z',
    );
  });
});
