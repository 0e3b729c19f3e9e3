import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  bigintNumber,
  bytes,
  bytesOrNull,
  changedRowsOf,
  firstRowOf,
  insertedRowOf,
  integer,
  oneOf,
  RawRow,
  rowsOf,
  text,
  textOrNull,
  timestamp,
  timestampOrNull,
} from '../common/sql-rows';
import { CaseDocumentEntity, DOCUMENT_STORES, UPLOADER_SIDES } from './case-document.entity';
import type { Party, Viewer } from './document-visibility';

export type NewDocument = Omit<
  CaseDocumentEntity,
  | 'uploadedAt'
  | 'sharedWithCustomerAt'
  | 'sharedWithCompanyAt'
  | 'withdrawnAt'
  | 'withdrawnBy'
  | 'withdrawnReason'
>;

/** The facts of an upload as its audit entry holds them. */
export interface AuditedUpload {
  readonly sha256: string;
  readonly size: number;
  /** Hex SHA-256 of the concatenated digests of the stored frames. */
  readonly storedDigest: string;
}

/**
 * What a viewer may see, in SQL (the same rule as document-visibility.ts, which the unit tests
 * pin down): the office everything, a party what is theirs or shared with them and not withdrawn.
 */
const VISIBLE = `($2 = 'office' OR (withdrawn_at IS NULL AND (uploader_side = $2
   OR ($2 = 'customer' AND shared_with_customer_at IS NOT NULL)
   OR ($2 = 'company' AND shared_with_company_at IS NOT NULL))))`;

/** The SQL of case documents (their bytes are the stores' business). */
@Injectable()
export class DocumentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Queues the caller's transaction behind any other document write on the case. */
  async lockCase(manager: EntityManager, caseId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('documents:' || $1, 0))`, [
      caseId,
    ]);
  }

  async count(caseId: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
    return insertedRowOf(
      await manager.query('SELECT count(*)::int AS n FROM case_document WHERE case_id = $1', [
        caseId,
      ]),
      (row) => integer(row, 'n'),
    );
  }

  async insert(manager: EntityManager, doc: NewDocument): Promise<CaseDocumentEntity> {
    return insertedRowOf(
      await manager.query(
        `INSERT INTO case_document (id, case_id, filename, content_type, size, sha256, description,
         information_request_id, uploader_side, uploaded_by_sub, uploaded_by_role, uploaded_by_name,
         store, storage_key, chunk_size, chunk_digests, wrapped_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       RETURNING *`,
        [
          doc.id,
          doc.caseId,
          doc.filename,
          doc.contentType,
          doc.size,
          doc.sha256,
          doc.description,
          doc.informationRequestId,
          doc.uploaderSide,
          doc.uploadedBySub,
          doc.uploadedByRole,
          doc.uploadedByName,
          doc.store,
          doc.storageKey,
          doc.chunkSize,
          doc.chunkDigests,
          doc.wrappedKey,
        ],
      ),
      toEntity,
    );
  }

  /** One document of the case, if this viewer may see it. */
  async find(caseId: string, id: string, viewer: Viewer): Promise<CaseDocumentEntity | null> {
    return firstRowOf(
      await this.dataSource.query(
        `SELECT * FROM case_document WHERE case_id = $1 AND id = $3 AND ${VISIBLE}`,
        [caseId, viewer, id],
      ),
      toEntity,
    );
  }

  /** A page of what the viewer may see, oldest first (keyset on upload time and id). */
  async list(
    caseId: string,
    viewer: Viewer,
    page: { limit: number; after?: [string, string] },
  ): Promise<CaseDocumentEntity[]> {
    return rowsOf(
      await this.dataSource.query(
        `SELECT * FROM case_document
        WHERE case_id = $1 AND ${VISIBLE}
          AND ($3::timestamptz IS NULL OR (uploaded_at, id) > ($3::timestamptz, $4::uuid))
        ORDER BY uploaded_at, id LIMIT $5`,
        [caseId, viewer, page.after?.[0] ?? null, page.after?.[1] ?? null, page.limit],
      ),
      toEntity,
    );
  }

  /**
   * What the case's audit chain recorded when the document was uploaded (see document-reader.ts):
   * read through the chain's own key, so it costs a walk of one case's entries.
   */
  async auditedUpload(caseId: string, documentId: string): Promise<AuditedUpload | null> {
    const row = firstRowOf(
      await this.dataSource.query(
        `SELECT after->>'sha256' AS sha256, (after->>'size')::bigint AS size,
              after->>'storedDigest' AS "storedDigest"
         FROM audit_entry
        WHERE chain_key = $1 AND action = 'document.added' AND after->>'documentId' = $2
        ORDER BY seq LIMIT 1`,
        [caseId, documentId],
      ),
      (found) => ({
        sha256: textOrNull(found, 'sha256'),
        size: found.size === null ? null : bigintNumber(found, 'size'),
        storedDigest: textOrNull(found, 'storedDigest'),
      }),
    );
    if (!row?.sha256 || row.size === null || !row.storedDigest) return null;
    return { sha256: row.sha256, size: row.size, storedDigest: row.storedDigest };
  }

  /** Records the sharing once; answers the document as it is now, or null if it was withdrawn. */
  async share(
    manager: EntityManager,
    id: string,
    party: Party,
  ): Promise<CaseDocumentEntity | null> {
    const column = party === 'customer' ? 'shared_with_customer_at' : 'shared_with_company_at';
    const [row] = changedRowsOf(
      await manager.query(
        `UPDATE case_document SET ${column} = now()
        WHERE id = $1 AND withdrawn_at IS NULL AND ${column} IS NULL RETURNING *`,
        [id],
      ),
      toEntity,
    );
    return row ?? null;
  }

  /** Records the withdrawal once; null when it was already withdrawn. */
  async withdraw(
    manager: EntityManager,
    id: string,
    by: string,
    reason: string,
  ): Promise<CaseDocumentEntity | null> {
    const [row] = changedRowsOf(
      await manager.query(
        `UPDATE case_document SET withdrawn_at = now(), withdrawn_by = $2, withdrawn_reason = $3
        WHERE id = $1 AND withdrawn_at IS NULL RETURNING *`,
        [id, by, reason],
      ),
      toEntity,
    );
    return row ?? null;
  }
}

function toEntity(row: RawRow): CaseDocumentEntity {
  return {
    id: text(row, 'id'),
    caseId: text(row, 'case_id'),
    filename: text(row, 'filename'),
    contentType: text(row, 'content_type'),
    size: bigintNumber(row, 'size'),
    sha256: text(row, 'sha256'),
    description: textOrNull(row, 'description'),
    informationRequestId: textOrNull(row, 'information_request_id'),
    uploaderSide: oneOf(row, 'uploader_side', UPLOADER_SIDES),
    uploadedBySub: text(row, 'uploaded_by_sub'),
    uploadedByRole: text(row, 'uploaded_by_role'),
    uploadedByName: textOrNull(row, 'uploaded_by_name'),
    uploadedAt: timestamp(row, 'uploaded_at'),
    store: oneOf(row, 'store', DOCUMENT_STORES),
    storageKey: text(row, 'storage_key'),
    chunkSize: integer(row, 'chunk_size'),
    chunkDigests: bytes(row, 'chunk_digests'),
    wrappedKey: bytesOrNull(row, 'wrapped_key'),
    sharedWithCustomerAt: timestampOrNull(row, 'shared_with_customer_at'),
    sharedWithCompanyAt: timestampOrNull(row, 'shared_with_company_at'),
    withdrawnAt: timestampOrNull(row, 'withdrawn_at'),
    withdrawnBy: textOrNull(row, 'withdrawn_by'),
    withdrawnReason: textOrNull(row, 'withdrawn_reason'),
  };
}
