import { Language, LANGUAGES, isLanguage } from '../../views/texts/customer-texts';
import { PORTAL_EN, PortalTexts } from './portal-texts.en';
import { PORTAL_RU } from './portal-texts.ru';
import { PORTAL_ZH } from './portal-texts.zh';

const PORTAL_TEXTS: Record<Language, PortalTexts> = { en: PORTAL_EN, ru: PORTAL_RU, zh: PORTAL_ZH };

export function portalTexts(lang: Language): PortalTexts {
  return PORTAL_TEXTS[lang];
}

/** `{name}` placeholders filled in; the template escapes the result. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}

export { LANGUAGES, isLanguage };
export type { Language, PortalTexts };
