import { CaseDocumentEntity } from '../case-document.entity';
import { sideOf, visibleTo } from '../document-visibility';
import { DocumentDto, StaffDocumentDto } from '../dto/document.dto';

/** What a party's view of a document is made of (a whole entity, or a row read for one page). */
export type DocumentFacts = Pick<
  CaseDocumentEntity,
  | 'id'
  | 'filename'
  | 'contentType'
  | 'size'
  | 'sha256'
  | 'description'
  | 'uploaderSide'
  | 'uploadedAt'
  | 'sharedWithCustomerAt'
  | 'sharedWithCompanyAt'
  | 'withdrawnAt'
  | 'informationRequestId'
>;

export function toDocumentDto(doc: DocumentFacts): DocumentDto {
  return {
    id: doc.id,
    filename: doc.filename,
    contentType: doc.contentType,
    size: doc.size,
    sha256: doc.sha256,
    description: doc.description,
    uploadedBy: sideOf(doc.uploaderSide),
    uploadedAt: doc.uploadedAt.toISOString(),
    visibleTo: visibleTo(doc),
    informationRequestId: doc.informationRequestId,
  };
}

export function toStaffDocumentDto(doc: CaseDocumentEntity): StaffDocumentDto {
  return {
    ...toDocumentDto(doc),
    uploader: { sub: doc.uploadedBySub, role: doc.uploadedByRole, name: doc.uploadedByName },
    sharedWithCustomerAt: doc.sharedWithCustomerAt?.toISOString() ?? null,
    sharedWithCompanyAt: doc.sharedWithCompanyAt?.toISOString() ?? null,
    withdrawal:
      doc.withdrawnAt && doc.withdrawnBy && doc.withdrawnReason
        ? { at: doc.withdrawnAt.toISOString(), by: doc.withdrawnBy, reason: doc.withdrawnReason }
        : null,
  };
}
