import { DomainError } from '../errors/domain-error';
import { multipartProblem } from './multipart-errors';

function coded(code: string): Error {
  return Object.assign(new Error(code), { code });
}

describe('multipartProblem', () => {
  it.each(['FST_FILES_LIMIT', 'FST_PARTS_LIMIT', 'FST_FIELDS_LIMIT'])(
    'turns %s into a 400 naming what the form is for',
    (code) => {
      const problem = multipartProblem(coded(code), 'a filing') as DomainError;
      expect(problem).toBeInstanceOf(DomainError);
      expect(problem.code).toBe('VALIDATION_FAILED');
      expect(problem.detail).toBe('The form has more parts than a filing needs');
    },
  );

  it('refuses a field named like a prototype property', () => {
    const problem = multipartProblem(coded('FST_PROTO_VIOLATION'), 'an upload') as DomainError;
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.detail).toBe('A form field has a name no field may have');
  });

  it('calls a body cut short or without its boundary malformed', () => {
    for (const message of [
      'Unexpected end of form: terminated early',
      'Multipart: Boundary not found',
    ]) {
      const problem = multipartProblem(new Error(message), 'an upload') as DomainError;
      expect(problem.code).toBe('BAD_REQUEST');
      expect(problem.detail).toBe('The multipart/form-data body is malformed');
    }
  });

  it('hands back an error it does not know, unchanged', () => {
    const error = new Error('disk full');
    expect(multipartProblem(error, 'an upload')).toBe(error);
  });
});
