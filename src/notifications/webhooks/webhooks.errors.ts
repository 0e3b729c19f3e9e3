import { DomainError } from '../../common/errors/domain-error';

export function webhookNotFound(id: string): DomainError {
  return new DomainError('WEBHOOK_NOT_FOUND', `No webhook subscription ${id}`);
}

/** The URL's host resolves to an address webhooks may not reach, or does not resolve at all. */
export function webhookUrlRefused(url: string, reason: string): DomainError {
  return new DomainError(
    'WEBHOOK_URL_REFUSED',
    `Webhooks may not be sent to ${url}: ${reason}`,
    { reason },
    [{ field: 'url', message: reason }],
  );
}

export function webhookSigningUnavailable(): DomainError {
  return new DomainError(
    'WEBHOOK_SIGNING_UNAVAILABLE',
    'No key to protect webhook secrets is configured: set WEBHOOK_SECRET_KEY',
  );
}
