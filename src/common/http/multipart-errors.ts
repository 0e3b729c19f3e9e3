import { DomainError } from '../errors/domain-error';

/**
 * The problem a multipart reader's own error stands for (`@fastify/multipart` codes, busboy's
 * messages), shared by every form that reads parts: too many parts, a forbidden field name, a
 * malformed body. `form` names what the form is for ("a filing", "an upload") in the message.
 * An error it does not know is returned unchanged, for the caller's own cases or the filter.
 */
export function multipartProblem(error: unknown, form: string): unknown {
  switch ((error as { code?: string }).code) {
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new DomainError('VALIDATION_FAILED', `The form has more parts than ${form} needs`);
    case 'FST_PROTO_VIOLATION':
      return new DomainError('VALIDATION_FAILED', 'A form field has a name no field may have');
  }
  if (error instanceof Error && /multipart|boundary|terminated early/i.test(error.message)) {
    return new DomainError('BAD_REQUEST', 'The multipart/form-data body is malformed');
  }
  return error;
}
