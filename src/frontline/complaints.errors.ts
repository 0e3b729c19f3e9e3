import { DomainError } from '../common/errors/domain-error';

export function complaintNotFound(reference: string): DomainError {
  return new DomainError('COMPLAINT_NOT_FOUND', `No front-line complaint ${reference}`);
}

export function complaintAlreadyAnswered(reference: string, respondedAt: Date | null): DomainError {
  return new DomainError(
    'COMPLAINT_ALREADY_ANSWERED',
    `Complaint ${reference} already has its final response`,
    { reference, respondedAt: respondedAt?.toISOString() ?? null },
  );
}

/** A time the caller gave that cannot be true (in the future, before receipt, …). */
export function invalidTime(field: string, message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', `${field}: ${message}`, {}, [{ field, message }]);
}

export function externalIdConflict(
  externalId: string,
  reference: string,
  differences: readonly string[],
): DomainError {
  return new DomainError(
    'COMPLAINT_EXTERNAL_ID_CONFLICT',
    `externalId ${externalId} already made complaint ${reference}, which differs in ` +
      `${differences.join(', ')}; an import never changes a complaint`,
    { externalId, reference, differences },
  );
}
