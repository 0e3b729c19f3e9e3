import { Injectable } from '@nestjs/common';
import { StaffActor } from '../../auth/actor';
import { Page } from '../../common/pagination/cursor';
import { CaseQueueRepository } from './case-queue.repository';
import { AssigneeFilter, QueueRow } from './case-queue.sql';
import { CaseQueueRowDto } from './dto/case-queue-page.dto';
import { CaseQueueQueryDto } from './dto/case-queue-query.dto';
import { queuePage } from './queue-page';

const DEFAULT_LIMIT = 25;

function assigneeFilter(assignee: string | undefined, caller: StaffActor): AssigneeFilter | null {
  if (assignee === undefined) return null;
  if (assignee === 'none') return 'unassigned';
  return { officerId: assignee === 'me' ? caller.sub : assignee };
}

function toRow(row: QueueRow): CaseQueueRowDto {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    outcome: row.outcome,
    category: row.category,
    language: row.language,
    subject: row.subject,
    customerName: row.customer_name,
    assignedOfficerId: row.assigned_officer_id,
    assignedOfficerName: row.assigned_officer_name,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/**
 * The staff queue and its search. Pages are keyset pages in (created_at, id) order, newest first:
 * cases filed while someone pages are newer than any cursor, so they appear on a fresh first page
 * and never shift the pages being walked.
 */
@Injectable()
export class CaseQueueService {
  constructor(private readonly queue: CaseQueueRepository) {}

  async list(query: CaseQueueQueryDto, caller: StaffActor): Promise<Page<CaseQueueRowDto>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const page = await queuePage(
      {
        filters: {
          statuses: query.status ?? [],
          assignee: assigneeFilter(query.assignee, caller),
          category: query.category ?? null,
          breached: query.breached === true,
          atRisk: query.atRisk === true,
        },
        q: query.q,
        cursor: query.cursor,
        limit,
      },
      (sql) => this.queue.rows(sql),
    );
    return { items: page.rows.map(toRow), nextCursor: page.nextCursor };
  }
}
