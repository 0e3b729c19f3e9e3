import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decodeCursor, Page, toPage } from '../common/pagination/cursor';
import { RemedyQueryDto } from './dto/compensation-requests.dto';
import { StaffRemedyDto } from './dto/remedy.dto';
import { REMEDY_SELECT, RemedyRow, remediesWhere, toStaffRemedy } from './remedy-rows';

const DEFAULT_LIMIT = 25;

/** Lists of remedies for staff, keyset-paginated on an index. */
@Injectable()
export class RemedyQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forCase(caseId: string): Promise<StaffRemedyDto[]> {
    const rows = await remediesWhere(this.dataSource.manager, 'r.case_id = $1', [caseId]);
    const now = new Date();
    return rows.map((row) => toStaffRemedy(row, now));
  }

  /**
   * Overdue: owed remedies past their deadline, oldest deadline first (ix_remedy_due). Otherwise
   * every remedy, newest first, optionally of one status.
   */
  async list(query: RemedyQueryDto): Promise<Page<StaffRemedyDto>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const now = new Date();
    const params: unknown[] = [limit + 1];
    const where: string[] = [];
    let order: string;
    let keyOf: (row: RemedyRow) => (string | number)[];
    if (query.overdue) {
      where.push(`r.status = 'due'`, `r.due_at < now()`);
      if (query.cursor) {
        const [dueAt, id] = decodeCursor(query.cursor, ['string', 'string']);
        params.push(dueAt, id);
        where.push(`(r.due_at, r.id) > ($2::timestamptz, $3::uuid)`);
      }
      order = 'r.due_at ASC, r.id ASC';
      keyOf = (row) => [row.due_key ?? '', row.id];
    } else {
      if (query.status) {
        params.push(query.status);
        where.push(`r.status = $${params.length}`);
      }
      if (query.cursor) {
        const [createdAt, id] = decodeCursor(query.cursor, ['string', 'string']);
        params.push(createdAt, id);
        where.push(
          `(r.created_at, r.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
        );
      }
      order = 'r.created_at DESC, r.id DESC';
      keyOf = (row) => [row.created_key, row.id];
    }
    const sql = `${REMEDY_SELECT}
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${order} LIMIT $1`;
    const rows = (await this.dataSource.query(sql, params)) as RemedyRow[];
    return toPage(rows, limit, (row) => toStaffRemedy(row, now), keyOf);
  }
}
