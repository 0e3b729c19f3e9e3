import type { MailConfig, MailLanguage } from '../config/app-config';
import type { MailCase } from './mail-case-facts.repository';
import type { MailAudience, PlannedMessage } from './mail-plan';
import type { MailParams, MailTemplate } from './templates/mail-template';

/** One message row to queue: a planned message addressed to one recipient. */
export interface QueuedMessage {
  readonly caseId: string;
  readonly sourceKey: string;
  readonly template: MailTemplate;
  readonly language: MailLanguage;
  readonly audience: MailAudience;
  readonly recipient: string;
  readonly recipientName: string | null;
  readonly params: MailParams;
}

/**
 * The customer in the case's language; the company at each configured address in its configured
 * language (none configured: the company gets no mail).
 */
export function addressed(
  message: PlannedMessage,
  c: MailCase,
  sourceKey: string,
  config: Pick<MailConfig, 'companyRecipients' | 'companyLanguage'>,
): QueuedMessage[] {
  const common = { caseId: c.caseId, sourceKey, template: message.template };
  if (message.audience === 'customer') {
    return [
      {
        ...common,
        audience: 'customer',
        language: c.language,
        recipient: c.customerEmail.trim().toLowerCase(),
        recipientName: c.customerName,
        params: { ...message.params, recipientName: c.customerName },
      },
    ];
  }
  return config.companyRecipients.map((recipient) => ({
    ...common,
    audience: 'company',
    language: config.companyLanguage,
    recipient,
    recipientName: null,
    params: message.params,
  }));
}
