import type { MailLanguage } from '../../config/app-config';

export const MAIL_LANGUAGES: readonly MailLanguage[] = ['en', 'ru', 'zh'];

export const CUSTOMER_TEMPLATES = [
  'case_received',
  'referred_to_frontline',
  'case_accepted',
  'case_refused',
  'information_requested',
  'information_reminder',
  'proposal_made',
  'proposal_reminder',
  'decision_issued',
  'decision_reminder',
  'remedy_paid',
  'case_closed',
  'access_link',
] as const;

export const COMPANY_TEMPLATES = [
  'company_case_referred',
  'company_information_requested',
  'company_proposal_made',
  'company_decision_issued',
  'company_remedy_due_soon',
  'company_remedy_overdue',
] as const;

export const MAIL_TEMPLATES = [...CUSTOMER_TEMPLATES, ...COMPANY_TEMPLATES] as const;
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];

/**
 * The values a message is rendered from, stored with it. Only what the reader may see: never an
 * internal note, a conflict, a staff-only document or an access token (the access link's token
 * is sealed apart and put into the link when the message is sent).
 */
export interface MailParams {
  readonly reference: string;
  readonly recipientName?: string | null;
  readonly caseSubject?: string | null;
  /** RFC 3339: the date the reader must act by. */
  readonly dueAt?: string | null;
  /** A reason written for the customer (triage, closure); never sent to the company. */
  readonly reason?: string | null;
  /** An eligibility code (`no_frontline_complaint`, …) explained in the reader's language. */
  readonly reasonCode?: string | null;
  readonly outcome?: string | null;
  readonly finding?: string | null;
  readonly remedyType?: string | null;
}

/** What one template says, before it becomes plain text and HTML. */
export interface MailContent {
  readonly subject: string;
  /** What happened, one paragraph each. */
  readonly happened: readonly string[];
  /** What the reader must do, and by when; absent when nothing is asked of them. */
  readonly action?: string;
}

/** Formats a date in the reader's language (UTC, with the zone named). */
export type DateFormat = (iso: string | null | undefined) => string;

export type TemplateText = (params: MailParams, date: DateFormat) => MailContent;

/** Everything one language says. English is complete; others fall back to it, with a warning. */
export interface LanguageTexts {
  readonly greeting: (name: string | null | undefined) => string;
  readonly linkLabel: string;
  readonly signOff: string;
  readonly footer: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly templates: Partial<Record<MailTemplate, TemplateText>>;
}

export interface CompleteLanguageTexts extends LanguageTexts {
  readonly templates: Record<MailTemplate, TemplateText>;
}
