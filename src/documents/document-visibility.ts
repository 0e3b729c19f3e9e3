import type { CaseDocumentEntity, UploaderSide } from './case-document.entity';

/** Who reads documents: one of the parties, or the office (staff and auditors). */
export type Viewer = 'customer' | 'company' | 'office';
export type Party = 'customer' | 'company';
/** As the API names the sides. */
export type Audience = 'customer' | 'company' | 'ombudsman';

type Facts = Pick<
  CaseDocumentEntity,
  'uploaderSide' | 'sharedWithCustomerAt' | 'sharedWithCompanyAt' | 'withdrawnAt'
>;

/**
 * An upload is seen by its uploader's side and by the office; the office may share it with the
 * other party, or withdraw it from the parties' view. The office's own uploads are internal until
 * shared. A withdrawn document stays with the office, and on record.
 */
export function maySee(doc: Facts, viewer: Viewer): boolean {
  if (viewer === 'office') return true;
  if (doc.withdrawnAt) return false;
  return sharedWithParty(doc, viewer);
}

function sharedWithParty(doc: Facts, party: Party): boolean {
  if (doc.uploaderSide === party) return true;
  return (party === 'customer' ? doc.sharedWithCustomerAt : doc.sharedWithCompanyAt) !== null;
}

export function visibleTo(doc: Facts): Audience[] {
  const parties = doc.withdrawnAt
    ? []
    : (['customer', 'company'] as const).filter((p) => sharedWithParty(doc, p));
  return [...parties, 'ombudsman'];
}

/** Sharing with a party that already sees the document changes nothing. */
export function alreadyShared(doc: Facts, party: Party): boolean {
  return sharedWithParty(doc, party);
}

/** Parties keep access to a closed case's documents for a while, the office for good. */
export function partyAccessExpired(
  closedAt: Date | null,
  now: Date,
  accessDaysAfterClosure: number,
): boolean {
  return (
    closedAt !== null && now.getTime() - closedAt.getTime() > accessDaysAfterClosure * 86_400_000
  );
}

export function sideOf(side: UploaderSide): Audience {
  return side === 'office' ? 'ombudsman' : side;
}
