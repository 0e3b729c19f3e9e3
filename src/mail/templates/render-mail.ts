import type { MailLanguage } from '../../config/app-config';
import { EN } from './mail-texts.en';
import { RU } from './mail-texts.ru';
import { ZH } from './mail-texts.zh';
import { LanguageTexts, MailParams, MailTemplate, TemplateText } from './mail-template';

export const MAIL_TEXTS: Readonly<Record<MailLanguage, LanguageTexts>> = { en: EN, ru: RU, zh: ZH };

const LOCALES: Record<MailLanguage, string> = { en: 'en-GB', ru: 'ru-RU', zh: 'zh-CN' };

export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** The language the message is written in: English when the asked one lacks the template. */
  readonly language: MailLanguage;
  readonly fellBack: boolean;
}

/** A message in the reader's language, as plain text and HTML with every value escaped. */
export function renderMail(
  template: MailTemplate,
  language: MailLanguage,
  params: MailParams,
  link: string,
): RenderedMail {
  const asked = MAIL_TEXTS[language];
  const found = asked.templates[template];
  const texts = found ? asked : EN;
  const used: MailLanguage = found ? language : 'en';
  const write = (found ?? EN.templates[template]) as TemplateText;
  const content = write(labelled(params, texts), dateFormat(used));
  const subject = oneLine(content.subject).slice(0, 250);
  const greeting = texts.greeting(params.recipientName ? oneLine(params.recipientName) : null);
  const paragraphs = [...content.happened, ...(content.action ? [content.action] : [])];
  const text = [
    greeting,
    ...paragraphs,
    `${texts.linkLabel}: ${link}`,
    texts.signOff,
    `-- \n${texts.footer}`,
  ].join('\n\n');
  const html = [
    `<!doctype html><html lang="${used}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:sans-serif;line-height:1.5">',
    `<p>${escapeHtml(greeting)}</p>`,
    ...content.happened.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    ...(content.action ? [`<p><strong>${escapeHtml(content.action)}</strong></p>`] : []),
    `<p><a href="${escapeHtml(link)}">${escapeHtml(texts.linkLabel)}</a></p>`,
    `<p>${escapeHtml(texts.signOff)}</p>`,
    `<p style="color:#666;font-size:small">${escapeHtml(texts.footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text: text + '\n', html, language: used, fellBack: !found };
}

/** Codes (outcome, finding, remedy type, eligibility reason) as words of the reader's language. */
function labelled(params: MailParams, texts: LanguageTexts): MailParams {
  const label = (code: string | null | undefined) =>
    code ? (texts.labels[code] ?? EN.labels[code] ?? code) : code;
  return {
    ...params,
    outcome: label(params.outcome),
    finding: label(params.finding),
    remedyType: label(params.remedyType),
    reasonCode: label(params.reasonCode),
  };
}

// Building a formatter costs far more than using one: one per language, made once.
const FORMATS = new Map<MailLanguage, Intl.DateTimeFormat>();

function dateFormat(language: MailLanguage) {
  let format = FORMATS.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'UTC',
    });
    FORMATS.set(language, format);
  }
  const formatter = format;
  return (iso: string | null | undefined): string =>
    iso && !Number.isNaN(Date.parse(iso)) ? `${formatter.format(new Date(iso))} UTC` : '—';
}

/** Control characters (CR, LF, tabs, …) become spaces: a header value stays one line. */
export function oneLine(value: string): string {
  return value
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
