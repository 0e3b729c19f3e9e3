import { inRegister, mayMove, SUGGESTION_STATUSES } from './suggestion-lifecycle';

describe('the suggestion lifecycle', () => {
  it('lets a received suggestion go under review, be accepted or be declined', () => {
    expect(mayMove('received', 'under_review')).toBe(true);
    expect(mayMove('received', 'accepted')).toBe(true);
    expect(mayMove('received', 'declined')).toBe(true);
  });

  it('implements only an accepted suggestion', () => {
    for (const from of SUGGESTION_STATUSES)
      expect(mayMove(from, 'implemented')).toBe(from === 'accepted');
  });

  it('never moves an implemented or declined suggestion again', () => {
    for (const to of SUGGESTION_STATUSES) {
      expect(mayMove('implemented', to)).toBe(false);
      expect(mayMove('declined', to)).toBe(false);
    }
  });

  it('never moves a suggestion back to received', () => {
    for (const from of SUGGESTION_STATUSES) expect(mayMove(from, 'received')).toBe(false);
  });

  it('puts accepted and implemented suggestions in the corrective-action register', () => {
    expect(SUGGESTION_STATUSES.filter(inRegister)).toEqual(['accepted', 'implemented']);
  });
});
