import { Injectable } from '@nestjs/common';
import { decodeCursor, Page, toPage } from '../common/pagination/cursor';
import { RemedyQueryDto } from './dto/compensation-requests.dto';
import { StaffRemedyDto } from './dto/remedy.dto';
import { RemediesRepository, RemedyListFilter } from './remedies.repository';
import { RemedyRow, toStaffRemedy } from './remedy-rows';

const DEFAULT_LIMIT = 25;

/** Lists of remedies for staff, keyset-paginated on an index. */
@Injectable()
export class RemedyQueriesService {
  constructor(private readonly remedies: RemediesRepository) {}

  async forCase(caseId: string): Promise<StaffRemedyDto[]> {
    const rows = await this.remedies.ofCase(caseId);
    const now = new Date();
    return rows.map((row) => toStaffRemedy(row, now));
  }

  /**
   * Overdue: owed remedies past their deadline, oldest deadline first. Otherwise every remedy,
   * newest first, optionally of one status.
   */
  async list(query: RemedyQueryDto): Promise<Page<StaffRemedyDto>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const now = new Date();
    const cursor = query.cursor ? keyOf(query.cursor) : undefined;
    const filter: RemedyListFilter = query.overdue
      ? { overdue: true, after: cursor }
      : { overdue: false, status: query.status, before: cursor };
    const rows = await this.remedies.list(filter, limit + 1);
    return toPage(
      rows,
      limit,
      (row) => toStaffRemedy(row, now),
      query.overdue
        ? (row: RemedyRow) => [row.due_key ?? '', row.id]
        : (row: RemedyRow) => [row.created_key, row.id],
    );
  }
}

/** The (time, id) key a cursor carries. */
function keyOf(cursor: string): [string, string] {
  const [at, id] = decodeCursor(cursor, ['string', 'string']);
  return [String(at), String(id)];
}
