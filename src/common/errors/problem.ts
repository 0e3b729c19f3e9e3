import { FieldError } from './domain-error';
import { ERROR_CATALOG, ErrorCode, problemType } from './error-codes';

/** RFC 9457 problem details as sent on the wire. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance?: string;
  errors?: readonly FieldError[];
  /** How many field errors there were in all; `errors` lists the first MAX_LISTED_ERRORS. */
  errorCount?: number;
  [extension: string]: unknown;
}

/** A body of thousands of bad fields gets a short answer: the first ones and the count. */
export const MAX_LISTED_ERRORS = 50;

export function problemOf(
  code: ErrorCode,
  detail: string,
  extensions: Record<string, unknown> = {},
  errors: readonly FieldError[] = [],
): Problem {
  const { status, title } = ERROR_CATALOG[code];
  const problem: Problem = { type: problemType(code), title, status, detail, code, ...extensions };
  if (errors.length > 0) {
    problem.errors = errors.slice(0, MAX_LISTED_ERRORS);
    problem.errorCount = errors.length;
  }
  return problem;
}
