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
  [extension: string]: unknown;
}

export function problemOf(
  code: ErrorCode,
  detail: string,
  extensions: Record<string, unknown> = {},
  errors: readonly FieldError[] = [],
): Problem {
  const { status, title } = ERROR_CATALOG[code];
  const problem: Problem = { type: problemType(code), title, status, detail, code, ...extensions };
  if (errors.length > 0) problem.errors = errors;
  return problem;
}
