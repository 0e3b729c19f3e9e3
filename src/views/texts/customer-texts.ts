import type { CaseOutcome, CaseStatus } from '../../cases/case-lifecycle';
import type { CustomerTextCatalogue, DatedText } from './customer-texts.catalogue';
import { EN } from './customer-texts.en';
import { RU } from './customer-texts.ru';
import { ZH } from './customer-texts.zh';

/** What the customer reads about their case, in the case's language. */
export const LANGUAGES = ['en', 'ru', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface NextStepFacts {
  /** The deadline of the current step: outcome, answer to the decision, remedies. */
  readonly dueAt?: Date;
  /** The front line's final-response deadline, while the case is referred to it. */
  readonly frontlineDueAt?: Date;
  /** The customer's time zone, used only to write dates; the wire keeps UTC. */
  readonly timeZone?: string;
}

const CATALOGUES: Record<Language, CustomerTextCatalogue> = { en: EN, ru: RU, zh: ZH };
const DATE_LOCALES: Record<Language, string> = { en: 'en-GB', ru: 'ru-RU', zh: 'zh-CN' };
const DEFAULT_TIME_ZONE = 'Europe/Berlin';

export function catalogueFor(lang: Language): CustomerTextCatalogue {
  return CATALOGUES[lang];
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

// Building a DateTimeFormat costs far more than using one; there are few languages and zones.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** '15 December 2026', '15 декабря 2026 г.', '2026年12月15日'. */
export function formatCustomerDate(
  lang: Language,
  date: Date,
  timeZone = DEFAULT_TIME_ZONE,
): string {
  const key = `${lang} ${timeZone}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(DATE_LOCALES[lang], { dateStyle: 'long', timeZone });
    dateFormats.set(key, format);
  }
  return format.format(date);
}

function entryFor(lang: Language, status: CaseStatus, outcome: CaseOutcome | null) {
  const catalogue = CATALOGUES[lang];
  if (status === 'closed')
    return outcome ? catalogue.closed[outcome] : catalogue.closedWithoutOutcome;
  if (status === 'rejected') return catalogue.rejected;
  return catalogue.active[status];
}

/** Where the case is. The outcome matters only once the case is closed. */
export function statusText(
  lang: Language,
  status: CaseStatus,
  outcome: CaseOutcome | null,
): string {
  return entryFor(lang, status, outcome).status;
}

function withDate(
  lang: Language,
  text: DatedText,
  date: Date | undefined,
  timeZone?: string,
): string {
  if (!date) return text.withoutDate;
  return text.withDate.replace('{date}', formatCustomerDate(lang, date, timeZone));
}

/** What happens next, who acts and by when. A missing date leaves out the "by when", not the sentence. */
export function nextStep(
  lang: Language,
  status: CaseStatus,
  outcome: CaseOutcome | null,
  facts: NextStepFacts = {},
): string {
  const { nextStep: text } = entryFor(lang, status, outcome);
  if (typeof text === 'string') return text;
  // While the front line holds the case, its deadline is the one the customer waits for.
  const date = status === 'referred_to_frontline' ? facts.frontlineDueAt : facts.dueAt;
  return withDate(lang, text, date, facts.timeZone);
}

/** A line for a customer-visible timeline event; unknown event types get a neutral line. */
export function timelineText(lang: Language, eventType: string): string {
  const timeline = CATALOGUES[lang].timeline;
  return Object.hasOwn(timeline, eventType)
    ? timeline[eventType as keyof typeof timeline]
    : timeline.other;
}

/** The handler's name for the customer, or neutral words in their language when none is known. */
export function handlerName(lang: Language, name: string | null): string {
  return name ?? catalogueFor(lang).unnamedHandler;
}
