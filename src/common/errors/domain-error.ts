import { ErrorCode } from './error-codes';

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/**
 * What domain code throws. It knows nothing about HTTP: the problem filter maps `code` to a status
 * and title through the one table in error-codes.ts.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    /** Extra members for the problem body, e.g. `{ currentStatus: 'closed' }`. */
    readonly extensions: Record<string, unknown> = {},
    readonly errors: readonly FieldError[] = [],
  ) {
    super(detail);
    this.name = 'DomainError';
  }
}
