import type { MailAudience } from './mail-plan';

/**
 * Where a message sends its reader: the customer's page of the case, or the company's. The
 * access link carries the new token in the fragment, which browsers never send to a server, so
 * it stays out of every access log on the way.
 */
export function caseLink(
  baseUrl: string,
  audience: MailAudience,
  reference: string,
  accessToken?: string,
): string {
  const path = `${audience === 'company' ? '/company' : ''}/cases/${encodeURIComponent(reference)}`;
  return `${baseUrl}${path}${accessToken ? `#access-token=${accessToken}` : ''}`;
}
