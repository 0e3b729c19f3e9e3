import { DomainError } from '../common/errors/domain-error';
import { SUPPORTED_TYPES } from './document-types';

export function documentNotFound(id: string): DomainError {
  return new DomainError('DOCUMENT_NOT_FOUND', `No document ${id} that you may see on this case`);
}

export function fileMissing(): DomainError {
  return new DomainError(
    'DOCUMENT_FILE_MISSING',
    'Send the document as a multipart/form-data part named "file"',
  );
}

export function oneFileOnly(): DomainError {
  return new DomainError('DOCUMENT_ONE_FILE_ONLY', 'Send one file per request');
}

export function emptyFile(): DomainError {
  return new DomainError('DOCUMENT_EMPTY', 'The file is empty');
}

export function tooLarge(maxBytes: number): DomainError {
  return new DomainError(
    'DOCUMENT_TOO_LARGE',
    `The file is larger than ${maxBytes} bytes, the most this service accepts`,
    { maxBytes },
  );
}

export function typeNotAllowed(detectedType: string): DomainError {
  return new DomainError(
    'DOCUMENT_TYPE_NOT_ALLOWED',
    `The file's content is ${detectedType}; accepted are ${Object.values(SUPPORTED_TYPES).join(', ')}`,
    { detectedType },
  );
}

export function tooManyDocuments(maxPerCase: number): DomainError {
  return new DomainError(
    'DOCUMENT_LIMIT_REACHED',
    `This case already holds ${maxPerCase} documents, the most it may hold`,
    { maxPerCase },
  );
}

export function caseClosedForUploads(reference: string): DomainError {
  return new DomainError(
    'DOCUMENT_CASE_CLOSED',
    `Case ${reference} is closed: the parties can no longer add documents to it`,
    { currentStatus: 'closed' },
  );
}

export function documentWithdrawn(id: string): DomainError {
  return new DomainError(
    'DOCUMENT_WITHDRAWN',
    `Document ${id} was withdrawn from view; it can no longer be shared or withdrawn`,
  );
}

export function integrityFailed(id: string): DomainError {
  return new DomainError(
    'DOCUMENT_INTEGRITY_FAILED',
    `The stored bytes of document ${id} no longer match what was uploaded; it is not served`,
  );
}

export function storeUnavailable(why: string): DomainError {
  return new DomainError('DOCUMENT_STORE_UNAVAILABLE', why);
}
