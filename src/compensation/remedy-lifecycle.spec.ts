import { nextRemedyState, REMEDY_COMMANDS, RemedyCommand } from './remedy-lifecycle';
import { REMEDY_STATUSES, RemedyStatus } from './remedy-types';

/** Every state × every command: where it leads, or `-` when it does not apply. */
const EXPECTED: Record<RemedyStatus, Record<RemedyCommand, RemedyStatus | '-'>> = {
  proposed: { bind: 'due', supersede: 'superseded', fulfil: '-' },
  due: { bind: '-', supersede: '-', fulfil: 'fulfilled' },
  fulfilled: { bind: '-', supersede: '-', fulfil: '-' },
  superseded: { bind: '-', supersede: '-', fulfil: '-' },
};

describe('the remedy lifecycle', () => {
  const cells = REMEDY_STATUSES.flatMap((state) =>
    REMEDY_COMMANDS.map((command) => [state, command] as const),
  );

  it.each(cells)('a remedy %s given %s goes where the table says', (state, command) => {
    expect(nextRemedyState(state, command) ?? '-').toBe(EXPECTED[state][command]);
  });

  it('names every state and every command in the expected table', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...REMEDY_STATUSES].sort());
    for (const state of REMEDY_STATUSES) {
      expect(Object.keys(EXPECTED[state]).sort()).toEqual([...REMEDY_COMMANDS].sort());
    }
  });
});
