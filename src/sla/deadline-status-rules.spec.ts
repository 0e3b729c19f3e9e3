import { deadlineEffects } from './deadline-status-rules';

describe('deadlineEffects', () => {
  it('meets the outcome deadline when a case settles', () => {
    expect(deadlineEffects('mediation', 'settled')).toEqual({
      meet: ['outcome'],
      meetUnlessBreached: [],
      cancelRest: false,
    });
  });

  it('meets the outcome deadline when a decision is issued', () => {
    expect(deadlineEffects('investigation', 'decision_issued')).toEqual({
      meet: ['outcome'],
      meetUnlessBreached: [],
      cancelRest: false,
    });
  });

  it('meets the decision answer only if it was not breached, and cancels the rest at closure', () => {
    expect(deadlineEffects('decision_issued', 'closed')).toEqual({
      meet: ['outcome'],
      meetUnlessBreached: ['decision_answer'],
      cancelRest: true,
    });
    expect(deadlineEffects('decision_issued', 'fulfilment')).toEqual({
      meet: [],
      meetUnlessBreached: ['decision_answer'],
      cancelRest: false,
    });
  });

  it('leaves deadlines alone on an ordinary step', () => {
    expect(deadlineEffects('accepted', 'investigation')).toEqual({
      meet: [],
      meetUnlessBreached: [],
      cancelRest: false,
    });
  });
});
