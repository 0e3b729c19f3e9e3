import { CASE_COMMANDS } from '../case-lifecycle';
import { reasonAudience } from './reason-audience';

describe('who reads the reason of a status change', () => {
  it.each(CASE_COMMANDS.filter((c) => c !== 'lapse_decision'))(
    'never shows the reason of %s to the company',
    (command) => {
      expect(reasonAudience(command)).not.toBe('everyone');
    },
  );

  it.each([
    'accept',
    'accept_with_discretion',
    'reject',
    'refer_to_frontline',
    'close_rejected',
    'resolve_by_frontline',
    'withdraw',
    'reject_decision',
  ] as const)('tells the customer the reason of %s, which concerns them', (command) => {
    expect(reasonAudience(command)).toBe('customer');
  });

  it('keeps the office’s litigation note inside the office', () => {
    expect(reasonAudience('notify_litigation')).toBe('office');
  });

  it('shows the system’s lapse text to both parties', () => {
    expect(reasonAudience('lapse_decision')).toBe('everyone');
  });
});
