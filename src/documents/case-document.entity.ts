import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '../database/bigint-transformer';

export const UPLOADER_SIDES = ['customer', 'company', 'office'] as const;
export type UploaderSide = (typeof UPLOADER_SIDES)[number];
export const DOCUMENT_STORES = ['postgres', 's3'] as const;

/**
 * Persistence shape of `case_document`. Written once; sharing and withdrawal are each recorded
 * once by a conditional UPDATE in DocumentsRepository, never by save().
 */
@Entity({ name: 'case_document' })
export class CaseDocumentEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('text') filename!: string;
  @Column('text', { name: 'content_type' }) contentType!: string;
  @Column('bigint', { transformer: bigintToNumber }) size!: number;
  @Column('text') sha256!: string;
  @Column('text', { nullable: true }) description!: string | null;
  @Column('uuid', { name: 'information_request_id', nullable: true }) informationRequestId!:
    string | null;
  @Column('text', { name: 'uploader_side' }) uploaderSide!: UploaderSide;
  @Column('text', { name: 'uploaded_by_sub' }) uploadedBySub!: string;
  @Column('text', { name: 'uploaded_by_role' }) uploadedByRole!: string;
  @Column('text', { name: 'uploaded_by_name', nullable: true }) uploadedByName!: string | null;
  @Column('timestamptz', { name: 'uploaded_at' }) uploadedAt!: Date;
  @Column('text') store!: (typeof DOCUMENT_STORES)[number];
  @Column('text', { name: 'storage_key' }) storageKey!: string;
  @Column('integer', { name: 'chunk_size' }) chunkSize!: number;
  @Column('bytea', { name: 'chunk_digests' }) chunkDigests!: Buffer;
  /** The document's data key wrapped by DOCUMENT_MASTER_KEY; null only for rows stored before encryption. */
  @Column('bytea', { name: 'wrapped_key', nullable: true }) wrappedKey!: Buffer | null;
  @Column('timestamptz', { name: 'shared_with_customer_at', nullable: true })
  sharedWithCustomerAt!: Date | null;
  @Column('timestamptz', { name: 'shared_with_company_at', nullable: true })
  sharedWithCompanyAt!: Date | null;
  @Column('timestamptz', { name: 'withdrawn_at', nullable: true }) withdrawnAt!: Date | null;
  @Column('text', { name: 'withdrawn_by', nullable: true }) withdrawnBy!: string | null;
  @Column('text', { name: 'withdrawn_reason', nullable: true }) withdrawnReason!: string | null;
}
