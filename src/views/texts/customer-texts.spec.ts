import { CASE_OUTCOMES, CASE_STATUSES, CaseOutcome, CaseStatus } from '../../cases/case-lifecycle';
import { TIMELINE_EVENTS } from './customer-texts.catalogue';
import { LANGUAGES, Language, nextStep, statusText, timelineText } from './customer-texts';

const DUE = new Date('2026-12-15T12:00:00Z');
const FACTS = { dueAt: DUE, frontlineDueAt: DUE };
const FORMATTED: Record<Language, string> = {
  en: '15 December 2026',
  ru: '15 декабря 2026',
  zh: '2026年12月15日',
};
const SCRIPT: Record<Language, RegExp> = {
  en: /^[\x20-\x7E’]+$/,
  ru: /[а-яё]/i,
  zh: /[\u4e00-\u9fff]/,
};

// Every (status, outcome) a case can show: each open status once, `closed` with each outcome and none.
const SITUATIONS: [CaseStatus, CaseOutcome | null][] = [
  ...CASE_STATUSES.filter((s) => s !== 'closed').map((s): [CaseStatus, null] => [s, null]),
  ...CASE_OUTCOMES.map((o): [CaseStatus, CaseOutcome] => ['closed', o]),
  ['closed', null],
];
const CELLS = LANGUAGES.flatMap((lang) =>
  SITUATIONS.map(([status, outcome]) => [lang, status, outcome] as const),
);

function expectFinished(text: string, lang: Language): void {
  expect(text.trim().length).toBeGreaterThan(5);
  expect(text).not.toMatch(/[{}]|undefined|null|NaN|Invalid Date/);
  // A date that ends in an abbreviation ('2026 г.') must not end a sentence too.
  expect(text).not.toMatch(/\.\./);
  expect(text).toMatch(SCRIPT[lang]);
}

describe('status and next step', () => {
  it.each(CELLS)('reads as finished text in %s for %s (%s)', (lang, status, outcome) => {
    expectFinished(statusText(lang, status, outcome), lang);
    expectFinished(nextStep(lang, status, outcome, FACTS), lang);
    expectFinished(nextStep(lang, status, outcome, {}), lang);
  });

  it('says something different for every closed outcome', () => {
    for (const lang of LANGUAGES) {
      const texts = CASE_OUTCOMES.map((o) => statusText(lang, 'closed', o));
      expect(new Set(texts).size).toBe(CASE_OUTCOMES.length);
    }
  });

  it.each(LANGUAGES)('writes the deadline as people write dates in %s', (lang) => {
    for (const status of ['submitted', 'accepted', 'decision_issued', 'fulfilment'] as const) {
      expect(nextStep(lang, status, null, { dueAt: DUE })).toContain(FORMATTED[lang]);
    }
  });

  it('writes the date in the customer time zone', () => {
    const lateEvening = new Date('2026-12-15T23:30:00Z');
    expect(nextStep('en', 'fulfilment', null, { dueAt: lateEvening })).toContain(
      '16 December 2026',
    );
    expect(
      nextStep('en', 'fulfilment', null, { dueAt: lateEvening, timeZone: 'America/New_York' }),
    ).toContain('15 December 2026');
  });

  it('gives the front line its own deadline while the case is referred to it', () => {
    const text = nextStep('en', 'referred_to_frontline', null, {
      dueAt: new Date('2027-03-01T12:00:00Z'),
      frontlineDueAt: DUE,
    });
    expect(text).toContain('final response by 15 December 2026');
    expect(text).toContain('stays on record with us');
    expect(text).not.toContain('2027');
  });

  it('leaves the date out, and not the sentence, when there is no deadline yet', () => {
    const text = nextStep('en', 'decision_issued', null, {});
    expect(text).toContain('whether you accept or reject it');
    expect(text).not.toMatch(/by\s*\./);
  });

  it('tells the customer that rejecting the decision keeps the right to go to court', () => {
    expect(nextStep('en', 'decision_issued', null, FACTS)).toMatch(
      /by 15 December 2026 whether you accept or reject.*reject it, you keep your right to go to court/,
    );
    expect(nextStep('ru', 'decision_issued', null, FACTS)).toMatch(/до 15 декабря 2026.*в суд/);
    expect(nextStep('zh', 'decision_issued', null, FACTS)).toMatch(/2026年12月15日前.*法院起诉/);
  });

  it('says plainly after a rejected decision that the customer may still go to court', () => {
    for (const lang of LANGUAGES) {
      expect(nextStep(lang, 'closed', 'not_accepted', {})).toMatch(/court|суд|法院/);
    }
  });

  it('tells the customer the company must carry out the remedies by the date', () => {
    expect(nextStep('en', 'fulfilment', null, FACTS)).toContain(
      'must carry out the remedies by 15 December 2026',
    );
  });

  it('explains a rejection by its general reasons', () => {
    for (const [status, outcome] of [
      ['rejected', null],
      ['closed', 'rejected'],
    ] as const) {
      expect(statusText('en', status, outcome)).toMatch(/cannot take on|not one we can take on/);
    }
    expect(nextStep('en', 'rejected', null)).toMatch(/in time.*before a court.*customers/);
  });

  it('ignores an outcome on a case that is not closed', () => {
    expect(statusText('en', 'mediation', 'settled')).toBe(statusText('en', 'mediation', null));
  });
});

describe('timeline', () => {
  it.each(LANGUAGES)('has a finished line for every customer-visible event in %s', (lang) => {
    const lines = TIMELINE_EVENTS.map((event) => timelineText(lang, event));
    for (const line of lines) expectFinished(line, lang);
    expect(new Set(lines).size).toBe(TIMELINE_EVENTS.length);
  });

  it('falls back to a neutral line for an event it does not know', () => {
    expect(timelineText('en', 'remedy.overdue')).toBe('Your case was updated.');
    expect(timelineText('ru', 'toString')).toBe(timelineText('ru', 'something.else'));
  });
});
