import fc from 'fast-check';
import {
  approvalsForTotal,
  approvalsPerRemedy,
  checkApproval,
  limitsFor,
} from './authority-limits';

const CONFIG = {
  defaultLimits: { officer: 1_000, fourEyes: 10_000 },
  limitsByCurrency: { JPY: { officer: 150_000, fourEyes: 1_500_000 } },
};
const EUR = limitsFor('EUR', CONFIG);

describe('authority limits', () => {
  it('converts the default limits to minor units with the currency’s digits', () => {
    expect(EUR).toEqual({ officerMinor: 100_000n, fourEyesMinor: 1_000_000n });
    expect(limitsFor('BHD', CONFIG)).toEqual({
      officerMinor: 1_000_000n,
      fourEyesMinor: 10_000_000n,
    });
  });

  it('uses a currency’s own limits when configured', () => {
    expect(limitsFor('JPY', CONFIG)).toEqual({
      officerMinor: 150_000n,
      fourEyesMinor: 1_500_000n,
    });
  });

  it('lets an officer offer up to limit A alone', () => {
    expect(approvalsForTotal(100_000n, EUR, 'ombudsman_officer')).toBe(0);
  });

  it('asks one ombudsman to approve an officer’s offer above limit A', () => {
    expect(approvalsForTotal(100_001n, EUR, 'ombudsman_officer')).toBe(1);
    expect(approvalsForTotal(1_000_000n, EUR, 'ombudsman_officer')).toBe(1);
  });

  it('lets an ombudsman offer up to limit B on their own authority', () => {
    expect(approvalsForTotal(1_000_000n, EUR, 'ombudsman')).toBe(0);
  });

  it('asks two approvals above limit B whoever proposes', () => {
    expect(approvalsForTotal(1_000_001n, EUR, 'ombudsman_officer')).toBe(2);
    expect(approvalsForTotal(1_000_001n, EUR, 'ombudsman')).toBe(2);
  });

  it('sums the remedies of a currency so that splitting an award does not avoid approval', () => {
    const remedies = [
      { amount: { amountMinor: 60_000, currency: 'EUR' } },
      { amount: { amountMinor: 60_000, currency: 'EUR' } },
      { amount: { amountMinor: 60_000, currency: 'GBP' } },
      { amount: null },
    ];
    expect(approvalsPerRemedy(remedies, CONFIG, 'ombudsman_officer')).toEqual([1, 1, 0, 0]);
  });

  it('never asks fewer approvals for a larger total', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.constantFrom('ombudsman_officer' as const, 'ombudsman' as const),
        (a, extra, role) =>
          approvalsForTotal(a + extra, EUR, role) >= approvalsForTotal(a, EUR, role),
      ),
    );
  });
});

describe('approving a remedy', () => {
  const base = {
    approver: 'oscar',
    approverIsOmbudsman: true,
    proposedBy: 'olga',
    required: 2,
    approvedBy: [] as string[],
  };

  it('accepts an ombudsman who is not the proposer', () => {
    expect(checkApproval(base)).toBeNull();
  });

  it('refuses an officer', () => {
    expect(checkApproval({ ...base, approverIsOmbudsman: false })).toBe('not_ombudsman');
  });

  it('refuses the proposer approving their own remedy', () => {
    expect(checkApproval({ ...base, approver: 'olga' })).toBe('self_approval');
  });

  it('refuses the same ombudsman twice', () => {
    expect(checkApproval({ ...base, approvedBy: ['oscar'] })).toBe('already_approved');
  });

  it('refuses an approval nobody needs any more', () => {
    expect(checkApproval({ ...base, approver: 'vera', approvedBy: ['oscar', 'paul'] })).toBe(
      'not_needed',
    );
  });
});
