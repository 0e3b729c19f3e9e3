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

export function invalidRespondedAt(message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', `respondedAt: ${message}`, {}, [
    { field: 'respondedAt', message },
  ]);
}
