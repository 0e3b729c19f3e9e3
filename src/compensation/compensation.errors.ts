import { DomainError } from '../common/errors/domain-error';
import { RemedyRow } from './remedy-rows';

/** The remedy found on this case, or 404: a remedy id of another case finds nothing. */
export function foundRemedy(row: RemedyRow | null, remedyId: string): RemedyRow {
  if (!row) throw new DomainError('REMEDY_NOT_FOUND', `No remedy ${remedyId} on this case`);
  return row;
}
