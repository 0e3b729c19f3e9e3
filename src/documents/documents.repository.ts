import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CaseDocumentEntity } from './case-document.entity';
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

interface DocumentRow {
  id: string;
  case_id: string;
  filename: string;
  content_type: string;
  size: string;
  sha256: string;
  description: string | null;
  information_request_id: string | null;
  uploader_side: CaseDocumentEntity['uploaderSide'];
  uploaded_by_sub: string;
  uploaded_by_role: string;
  uploaded_by_name: string | null;
  uploaded_at: Date;
  store: CaseDocumentEntity['store'];
  storage_key: string;
  chunk_size: number;
  chunk_digests: Buffer;
  wrapped_key: Buffer | null;
  shared_with_customer_at: Date | null;
  shared_with_company_at: Date | null;
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
  withdrawn_reason: string | null;
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
    const [row] = (await manager.query(
      'SELECT count(*)::int AS n FROM case_document WHERE case_id = $1',
      [caseId],
    )) as { n: number }[];
    return row.n;
  }

  async insert(manager: EntityManager, doc: NewDocument): Promise<CaseDocumentEntity> {
    const [row] = (await manager.query(
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
    )) as DocumentRow[];
    return toEntity(row);
  }

  /** One document of the case, if this viewer may see it. */
  async find(caseId: string, id: string, viewer: Viewer): Promise<CaseDocumentEntity | null> {
    const [row] = (await this.dataSource.query(
      `SELECT * FROM case_document WHERE case_id = $1 AND id = $3 AND ${VISIBLE}`,
      [caseId, viewer, id],
    )) as DocumentRow[];
    return row ? toEntity(row) : null;
  }

  /** A page of what the viewer may see, oldest first (keyset on upload time and id). */
  async list(
    caseId: string,
    viewer: Viewer,
    page: { limit: number; after?: [string, string] },
  ): Promise<CaseDocumentEntity[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM case_document
        WHERE case_id = $1 AND ${VISIBLE}
          AND ($3::timestamptz IS NULL OR (uploaded_at, id) > ($3::timestamptz, $4::uuid))
        ORDER BY uploaded_at, id LIMIT $5`,
      [caseId, viewer, page.after?.[0] ?? null, page.after?.[1] ?? null, page.limit],
    )) as DocumentRow[];
    return rows.map(toEntity);
  }

  /**
   * What the case's audit chain recorded when the document was uploaded (see document-reader.ts):
   * read through the chain's own key, so it costs a walk of one case's entries.
   */
  async auditedUpload(caseId: string, documentId: string): Promise<AuditedUpload | null> {
    const [row] = (await this.dataSource.query(
      `SELECT after->>'sha256' AS sha256, (after->>'size')::bigint AS size,
              after->>'storedDigest' AS "storedDigest"
         FROM audit_entry
        WHERE chain_key = $1 AND action = 'document.added' AND after->>'documentId' = $2
        ORDER BY seq LIMIT 1`,
      [caseId, documentId],
    )) as { sha256: string | null; size: string | null; storedDigest: string | null }[];
    if (!row?.sha256 || row.size === null || !row.storedDigest) return null;
    return { sha256: row.sha256, size: Number(row.size), storedDigest: row.storedDigest };
  }

  /** Records the sharing once; answers the document as it is now, or null if it was withdrawn. */
  async share(
    manager: EntityManager,
    id: string,
    party: Party,
  ): Promise<CaseDocumentEntity | null> {
    const column = party === 'customer' ? 'shared_with_customer_at' : 'shared_with_company_at';
    const [rows] = (await manager.query(
      `UPDATE case_document SET ${column} = now()
        WHERE id = $1 AND withdrawn_at IS NULL AND ${column} IS NULL RETURNING *`,
      [id],
    )) as [DocumentRow[], number];
    return rows[0] ? toEntity(rows[0]) : null;
  }

  /** Records the withdrawal once; null when it was already withdrawn. */
  async withdraw(
    manager: EntityManager,
    id: string,
    by: string,
    reason: string,
  ): Promise<CaseDocumentEntity | null> {
    const [rows] = (await manager.query(
      `UPDATE case_document SET withdrawn_at = now(), withdrawn_by = $2, withdrawn_reason = $3
        WHERE id = $1 AND withdrawn_at IS NULL RETURNING *`,
      [id, by, reason],
    )) as [DocumentRow[], number];
    return rows[0] ? toEntity(rows[0]) : null;
  }
}

function toEntity(row: DocumentRow): CaseDocumentEntity {
  return {
    id: row.id,
    caseId: row.case_id,
    filename: row.filename,
    contentType: row.content_type,
    size: Number(row.size),
    sha256: row.sha256,
    description: row.description,
    informationRequestId: row.information_request_id,
    uploaderSide: row.uploader_side,
    uploadedBySub: row.uploaded_by_sub,
    uploadedByRole: row.uploaded_by_role,
    uploadedByName: row.uploaded_by_name,
    uploadedAt: row.uploaded_at,
    store: row.store,
    storageKey: row.storage_key,
    chunkSize: row.chunk_size,
    chunkDigests: row.chunk_digests,
    wrappedKey: row.wrapped_key,
    sharedWithCustomerAt: row.shared_with_customer_at,
    sharedWithCompanyAt: row.shared_with_company_at,
    withdrawnAt: row.withdrawn_at,
    withdrawnBy: row.withdrawn_by,
    withdrawnReason: row.withdrawn_reason,
  };
}
