import { LANGUAGES, Language } from './customer-texts';
import { explainIntakeDecision, IntakeDecisionFacts } from './eligibility-explanation';

const LATE: IntakeDecisionFacts = {
  language: 'en',
  eligibilityReason: 'out_of_time',
  complaintReference: 'CMP-000123',
  finalResponseAt: new Date('2026-03-03T10:00:00Z'),
  filedAt: new Date('2026-11-20T10:00:00Z'),
  timeLimitMonths: 6,
};

const explain = (language: Language, overrides: Partial<IntakeDecisionFacts> = {}) =>
  explainIntakeDecision({ ...LATE, language, ...overrides }) as string;

describe('why intake refused a dispute as out of time', () => {
  it.each([
    ['en', ['3 March 2026', '3 September 2026', '20 November 2026', '6 months', 'CMP-000123']],
    [
      'ru',
      ['3 марта 2026 г.', '3 сентября 2026 г.', '20 ноября 2026 г.', '6 месяцев', 'CMP-000123'],
    ],
    ['zh', ['2026年3月3日', '2026年9月3日', '2026年11月20日', '6个月', 'CMP-000123']],
  ] as const)(
    'tells the customer in %s when the company answered, the last day, and when they came',
    (lang, parts) => {
      const text = explain(lang);
      for (const part of parts) expect(text).toContain(part);
    },
  );

  it.each([
    ['en', 1, '1 month of'],
    ['en', 12, '12 months of'],
    ['ru', 1, '1 месяца'],
    ['ru', 21, '21 месяца'],
    ['ru', 3, '3 месяцев'],
    ['zh', 12, '12个月'],
  ] as const)('counts months as %s does (%i)', (lang, months, words) => {
    expect(explain(lang, { timeLimitMonths: months })).toContain(words);
  });

  it('says the ombudsman can make an exception, and how to ask for one', () => {
    expect(explain('en')).toMatch(
      /write to us here and tell us why: the ombudsman can make an exception/,
    );
    expect(explain('ru')).toMatch(/напишите нам здесь.*омбудсмен может сделать исключение/);
    expect(explain('zh')).toMatch(/请在此告诉我们原因.*破例受理/);
  });

  it.each(LANGUAGES)('reads as finished text in %s, a date never closing a sentence', (lang) => {
    const text = explain(lang);
    expect(text).not.toMatch(/[{}]|undefined|null|NaN|Invalid Date|\.\./);
  });

  it('says nothing it cannot back with the final response date', () => {
    expect(explainIntakeDecision({ ...LATE, finalResponseAt: null })).toBeNull();
  });
});

describe('why intake passed a dispute to the company first', () => {
  const referred = (language: Language, eligibilityReason: string, frontlineDueAt?: Date) =>
    explainIntakeDecision({
      ...LATE,
      language,
      eligibilityReason,
      finalResponseAt: null,
      frontlineDueAt,
    }) as string;
  const DUE = new Date('2026-12-15T12:00:00Z');

  it.each([
    ['en', /not told us about a complaint .* as complaint CMP-000123/],
    ['ru', /не сообщили нам о жалобе.*как жалобу CMP-000123/],
    ['zh', /没有告诉我们您曾向该公司投诉.*投诉CMP-000123/],
  ] as const)('names the complaint opened for a customer who had none, in %s', (lang, words) => {
    expect(referred(lang, 'no_frontline_complaint')).toMatch(words);
  });

  it.each([
    ['en', 'has until 15 December 2026 to do so'],
    ['ru', 'до 15 декабря 2026 г. включительно'],
    ['zh', '答复期限至2026年12月15日'],
  ] as const)('gives the front line’s deadline while it runs, in %s', (lang, words) => {
    const text = referred(lang, 'frontline_deadline_running', DUE);
    expect(text).toContain(words);
    expect(text).toContain('CMP-000123');
  });

  it.each(LANGUAGES)('still reads well in %s when no deadline is known', (lang) => {
    const text = referred(lang, 'frontline_deadline_running');
    expect(text).not.toMatch(/[{}]|undefined|null|NaN|Invalid Date|\.\./);
  });

  it('explains nothing for a dispute intake took on', () => {
    for (const reason of ['frontline_deadline_passed', 'frontline_final_response_given', null]) {
      expect(explainIntakeDecision({ ...LATE, eligibilityReason: reason })).toBeNull();
    }
  });
});
