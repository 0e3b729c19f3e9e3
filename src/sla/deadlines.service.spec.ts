import { DeadlineEntity } from './deadline.entity';
import { toView } from './deadlines.service';

const due = new Date('2026-03-10T12:00:00Z');

function deadline(overrides: Partial<DeadlineEntity> = {}): DeadlineEntity {
  return Object.assign(new DeadlineEntity(), {
    id: '00000000-0000-4000-8000-000000000001',
    caseId: '00000000-0000-4000-8000-000000000002',
    kind: 'decision_answer',
    party: 'customer',
    subjectId: null,
    startedAt: new Date('2026-02-08T12:00:00Z'),
    dueAt: due,
    pausedSince: null,
    pausedSeconds: 0,
    metAt: null,
    breachedAt: null,
    atRiskAt: null,
    atRiskDueAt: new Date('2026-03-04T12:00:00Z'),
    cancelledAt: null,
    ...overrides,
  });
}

const before = new Date('2026-03-01T00:00:00Z');
const after = new Date('2026-03-20T00:00:00Z');

describe('toView', () => {
  it('shows a running deadline before its date as neither breached nor met', () => {
    expect(toView(deadline(), before)).toEqual({
      kind: 'decision_answer',
      party: 'customer',
      dueAt: '2026-03-10T12:00:00.000Z',
      paused: false,
      breached: false,
      metAt: null,
    });
  });

  it('shows a deadline the sweep flagged as breached, with no metAt', () => {
    const view = toView(deadline({ breachedAt: after, cancelledAt: after }), after);
    expect(view).toMatchObject({ breached: true, metAt: null });
  });

  it('shows a deadline past its date as breached even before the sweep flagged it', () => {
    expect(toView(deadline(), after).breached).toBe(true);
  });

  it('shows a deadline met in time as met and not breached', () => {
    const metAt = new Date('2026-03-09T08:00:00Z');
    expect(toView(deadline({ metAt }), after)).toMatchObject({
      breached: false,
      metAt: '2026-03-09T08:00:00.000Z',
    });
  });

  it('shows a deadline met late as met and breached', () => {
    const metAt = new Date('2026-03-11T08:00:00Z');
    expect(toView(deadline({ metAt }), after)).toMatchObject({
      breached: true,
      metAt: '2026-03-11T08:00:00.000Z',
    });
  });

  it('shows a paused deadline past its old date as paused, not breached', () => {
    expect(toView(deadline({ pausedSince: before }), after)).toMatchObject({
      paused: true,
      breached: false,
    });
  });

  it('does not count a deadline cancelled before its date as missed', () => {
    expect(toView(deadline({ cancelledAt: before }), after).breached).toBe(false);
  });
});
