import { DomainError } from '../common/errors/domain-error';
import { CaseStatus } from './case-lifecycle';

export function caseNotFound(reference: string): DomainError {
  return new DomainError('CASE_NOT_FOUND', `No case ${reference} that you may see`);
}

export function invalidTransition(
  reference: string,
  currentStatus: CaseStatus,
  action: string,
): DomainError {
  return new DomainError(
    'CASE_INVALID_TRANSITION',
    `Case ${reference} is ${currentStatus}: it cannot be ${action} now`,
    { currentStatus },
  );
}

export function versionMismatch(reference: string, currentVersion: number): DomainError {
  return new DomainError(
    'CASE_VERSION_MISMATCH',
    `Case ${reference} changed since you read it (now version ${currentVersion})`,
    { currentVersion },
  );
}

/** The caller declared a conflict of interest on the case: they may read it, never change it. */
export function conflictOfInterest(reference: string): DomainError {
  return new DomainError(
    'CONFLICT_OF_INTEREST',
    `You declared a conflict of interest on case ${reference}: you may read it but not act on it`,
  );
}
