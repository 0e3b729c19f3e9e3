import type { SuggestionStatus } from './suggestion-lifecycle';

export type SuggestionLanguage = 'en' | 'ru' | 'zh';

/** What the customer reads about their suggestion, in the case's language. */
const TEXTS: Record<SuggestionLanguage, Record<SuggestionStatus, string>> = {
  en: {
    received: 'We have received your suggestion.',
    under_review: 'We are looking into your suggestion with the company.',
    accepted: 'Your suggestion has been accepted: the company will put it into practice.',
    implemented: 'Your suggestion has been put into practice. Thank you.',
    declined: 'We have decided not to take your suggestion forward; our reasons are below.',
  },
  ru: {
    received: 'Мы получили ваше предложение.',
    under_review: 'Мы рассматриваем ваше предложение вместе с компанией.',
    accepted: 'Ваше предложение принято: компания воплотит его в жизнь.',
    implemented: 'Ваше предложение воплощено в жизнь. Спасибо.',
    declined: 'Мы решили не принимать ваше предложение; наши причины указаны ниже.',
  },
  zh: {
    received: '我们已收到您的建议。',
    under_review: '我们正在与公司一起研究您的建议。',
    accepted: '您的建议已被采纳：公司将付诸实施。',
    implemented: '您的建议已付诸实施。谢谢您。',
    declined: '我们决定不采纳您的建议，原因见下文。',
  },
};

export function suggestionStatusText(lang: SuggestionLanguage, status: SuggestionStatus): string {
  return TEXTS[lang][status];
}
