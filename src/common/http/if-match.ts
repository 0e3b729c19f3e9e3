import { DomainError } from '../errors/domain-error';

/**
 * The version in an `If-Match` header (`"3"`, `W/"3"` or `3`: the ETag of a versioned resource's
 * response). Absent or `*` means "whatever the current version is"; anything else is a 400.
 */
export function parseIfMatch(
  header: string | string[] | undefined,
  resource: string,
): number | undefined {
  if (header === undefined || header === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(String(header));
  if (!match) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `If-Match must be the ETag of the ${resource}, e.g. "3"`,
      {},
      [{ field: 'If-Match', message: `must be a ${resource} version such as "3"` }],
    );
  }
  return Number(match[1]);
}
