import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CASE_OUTCOMES, CASE_STATUSES } from '../cases/case-lifecycle';
import {
  boolean,
  firstRowOf,
  integer,
  jsonObject,
  jsonRows,
  jsonTimestamp,
  jsonTimestampOrNull,
  oneOf,
  oneOfOrNull,
  RawRow,
  text,
  textOrNull,
  timestamp,
  timestampOrNull,
} from '../common/sql-rows';
import { UploaderSide } from '../documents/case-document.entity';
import { DocumentFacts } from '../documents/views/document-dto.mapper';
import { DeadlineParty } from '../sla/deadline.entity';
import { DeadlineFacts } from '../sla/deadlines.service';
import { DEADLINE_KINDS } from '../sla/sla-policy';
import { LANGUAGES } from '../views/texts/customer-texts';
import {
  CustomerCaseFacts,
  CustomerCaseRead,
  CustomerEntryFacts,
} from '../views/customer/customer-view.service';

const PARTIES: readonly DeadlineParty[] = ['office', 'company', 'customer'];
const SIDES: readonly UploaderSide[] = ['customer', 'company', 'office'];

/**
 * The session, its case and everything the case page shows in one statement: the session must be
 * live, still hold the case's current token hash and open the case named in the address. The
 * lists come as json arrays on the case's row, each on its own index (case_id first); the
 * documents are the customer's own and those shared with them, never withdrawn ones
 * (src/documents/document-visibility.ts).
 */
const CASE_PAGE = `
  SELECT c.id, c.reference, c.status, c.outcome, c.language, c.subject, c.created_at, c.closed_at,
         c.assigned_officer_id, c.assigned_officer_name, c.eligibility_reason, c.complaint_reference,
         COALESCE((SELECT json_agg(json_build_object(
                    'kind', d.kind, 'party', d.party, 'due_at', d.due_at, 'met_at', d.met_at,
                    'cancelled_at', d.cancelled_at, 'paused_since', d.paused_since,
                    'breached_at', d.breached_at) ORDER BY d.due_at)
                     FROM case_deadline d WHERE d.case_id = c.id), '[]') AS deadlines,
         COALESCE((SELECT json_agg(json_build_object(
                    'type', t.type, 'actor_role', t.actor_role, 'body', t.body, 'data', t.data,
                    'occurred_at', t.occurred_at) ORDER BY t.id)
                     FROM case_timeline_entry t
                    WHERE t.case_id = c.id AND t.visible_to_customer), '[]') AS timeline,
         COALESCE((SELECT json_agg(json_build_object(
                    'id', x.id, 'filename', x.filename, 'content_type', x.content_type,
                    'size', x.size, 'sha256', x.sha256, 'description', x.description,
                    'information_request_id', x.information_request_id,
                    'uploader_side', x.uploader_side, 'uploaded_at', x.uploaded_at,
                    'shared_with_customer_at', x.shared_with_customer_at,
                    'shared_with_company_at', x.shared_with_company_at)
                    ORDER BY x.uploaded_at, x.id)
                     FROM case_document x
                    WHERE x.case_id = c.id AND x.withdrawn_at IS NULL
                      AND (x.uploader_side = 'customer' OR x.shared_with_customer_at IS NOT NULL)),
                  '[]') AS documents,
         (EXISTS (SELECT 1 FROM mediation_proposal p WHERE p.case_id = c.id)
          OR EXISTS (SELECT 1 FROM case_decision r WHERE r.case_id = c.id)) AS has_resolution
    FROM portal_session s
    JOIN ombudsman_case c ON c.id = s.case_id AND c.access_token_hash = s.access_token_hash
   WHERE s.id_hash = $1 AND s.expires_at > now() AND c.reference = $2`;

/** The SQL of the customer's case page: one round trip for the session and what the page shows. */
@Injectable()
export class PortalCaseRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Null when the session is not live, no longer the case's, or opens another case. */
  async read(sessionIdHash: Buffer, reference: string): Promise<CustomerCaseRead | null> {
    return firstRowOf(
      await this.dataSource.query(CASE_PAGE, [sessionIdHash, reference]),
      toCaseRead,
    );
  }
}

function toCaseRead(row: RawRow): CustomerCaseRead {
  return {
    case: toCase(row),
    deadlines: jsonRows(row, 'deadlines', toDeadline),
    timeline: jsonRows(row, 'timeline', toEntry),
    documents: jsonRows(row, 'documents', toDocument),
    hasResolution: boolean(row, 'has_resolution'),
  };
}

function toCase(row: RawRow): CustomerCaseFacts {
  return {
    id: text(row, 'id'),
    reference: text(row, 'reference'),
    status: oneOf(row, 'status', CASE_STATUSES),
    outcome: oneOfOrNull(row, 'outcome', CASE_OUTCOMES),
    language: oneOf(row, 'language', LANGUAGES),
    subject: text(row, 'subject'),
    createdAt: timestamp(row, 'created_at'),
    closedAt: timestampOrNull(row, 'closed_at'),
    assignedOfficerId: textOrNull(row, 'assigned_officer_id'),
    assignedOfficerName: textOrNull(row, 'assigned_officer_name'),
    eligibilityReason: textOrNull(row, 'eligibility_reason'),
    complaintReference: textOrNull(row, 'complaint_reference'),
  };
}

function toDeadline(row: RawRow): DeadlineFacts {
  return {
    kind: oneOf(row, 'kind', DEADLINE_KINDS),
    party: oneOf(row, 'party', PARTIES),
    dueAt: jsonTimestamp(row, 'due_at'),
    metAt: jsonTimestampOrNull(row, 'met_at'),
    cancelledAt: jsonTimestampOrNull(row, 'cancelled_at'),
    pausedSince: jsonTimestampOrNull(row, 'paused_since'),
    breachedAt: jsonTimestampOrNull(row, 'breached_at'),
  };
}

function toEntry(row: RawRow): CustomerEntryFacts {
  return {
    type: text(row, 'type'),
    actorRole: text(row, 'actor_role'),
    body: textOrNull(row, 'body'),
    data: jsonObject(row, 'data'),
    occurredAt: jsonTimestamp(row, 'occurred_at'),
  };
}

function toDocument(row: RawRow): DocumentFacts {
  return {
    id: text(row, 'id'),
    filename: text(row, 'filename'),
    contentType: text(row, 'content_type'),
    size: integer(row, 'size'),
    sha256: text(row, 'sha256'),
    description: textOrNull(row, 'description'),
    informationRequestId: textOrNull(row, 'information_request_id'),
    uploaderSide: oneOf(row, 'uploader_side', SIDES),
    uploadedAt: jsonTimestamp(row, 'uploaded_at'),
    sharedWithCustomerAt: jsonTimestampOrNull(row, 'shared_with_customer_at'),
    sharedWithCompanyAt: jsonTimestampOrNull(row, 'shared_with_company_at'),
    withdrawnAt: null,
  };
}
