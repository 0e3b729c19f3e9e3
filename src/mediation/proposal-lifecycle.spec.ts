import {
  isFinalProposalState,
  nextProposalState,
  PROPOSAL_COMMANDS,
  PROPOSAL_STATES,
  ProposalCommand,
  ProposalState,
} from './proposal-lifecycle';

/** Every state × every command: where it leads, or `-` when it does not apply. */
const EXPECTED: Record<ProposalState, Record<ProposalCommand, ProposalState | '-'>> = {
  awaiting_approval: {
    send: 'open',
    answer: '-',
    accept: '-',
    reject: '-',
    expire: '-',
    supersede: 'superseded',
  },
  open: {
    send: '-',
    answer: 'open',
    accept: 'accepted',
    reject: 'rejected',
    expire: 'expired',
    supersede: 'superseded',
  },
  accepted: { send: '-', answer: '-', accept: '-', reject: '-', expire: '-', supersede: '-' },
  rejected: { send: '-', answer: '-', accept: '-', reject: '-', expire: '-', supersede: '-' },
  expired: { send: '-', answer: '-', accept: '-', reject: '-', expire: '-', supersede: '-' },
  superseded: { send: '-', answer: '-', accept: '-', reject: '-', expire: '-', supersede: '-' },
};

describe('the proposal lifecycle', () => {
  const cells = PROPOSAL_STATES.flatMap((state) =>
    PROPOSAL_COMMANDS.map((command) => [state, command] as const),
  );

  it.each(cells)('a proposal %s given %s goes where the table says', (state, command) => {
    expect(nextProposalState(state, command) ?? '-').toBe(EXPECTED[state][command]);
  });

  it('names every state and every command in the expected table', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...PROPOSAL_STATES].sort());
    for (const state of PROPOSAL_STATES) {
      expect(Object.keys(EXPECTED[state]).sort()).toEqual([...PROPOSAL_COMMANDS].sort());
    }
  });

  it('treats accepted, rejected, expired and superseded as final', () => {
    expect(PROPOSAL_STATES.filter(isFinalProposalState)).toEqual([
      'accepted',
      'rejected',
      'expired',
      'superseded',
    ]);
  });
});
