/** How an attempt ended badly: worth retrying, or never going to work. */
export interface SendFailure {
  readonly permanent: boolean;
  readonly error: string;
}

const MAX_ERROR_LENGTH = 500;

/**
 * RFC 5321 reply classes: 5xx refuses for good (unknown mailbox, policy), 4xx asks to try later
 * (greylisting, full mailbox); no reply at all (connection refused, timeout, TLS) is temporary.
 */
export function classifySendFailure(error: unknown): SendFailure {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  const message = (error instanceof Error ? error.message : String(error))
    .replace(/\s+/g, ' ')
    .slice(0, MAX_ERROR_LENGTH);
  const permanent = typeof code === 'number' && code >= 500 && code < 600;
  return { permanent, error: message };
}
