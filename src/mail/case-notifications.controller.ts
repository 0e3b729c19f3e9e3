import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { CaseReaderService } from '../cases/case-reader.service';
import { DomainError } from '../common/errors/domain-error';
import { ApiProblems } from '../common/openapi/api-problems';
import { decodeCursor, toPage } from '../common/pagination/cursor';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { MailMessagePageDto } from './dto/mail-message.dto';
import { MailMessageRow, MailMessages } from './mail-messages.repository';

const DEFAULT_LIMIT = 25;

/** What was e-mailed on a case, so a deadline dispute can be settled from the record. */
@ApiTags('cases (ombudsman staff)')
@Controller('v1/admin/cases/:reference/notifications')
export class CaseNotificationsController {
  constructor(
    private readonly cases: CaseReaderService,
    private readonly messages: MailMessages,
  ) {}

  @Get()
  @Roles('ombudsman_officer', 'ombudsman', 'auditor')
  @ApiOperation({
    summary: 'E-mails to the customer and the company on a case, oldest first',
    description:
      'Each message with its template, language, recipient, subject, status (`queued`, `sent`, ' +
      '`failed`), attempts, last error, `Message-ID` and the time it was sent. Keyset pagination.',
  })
  @ApiParam({ name: 'reference', example: 'OMB-2026-000001' })
  @ApiOkResponse({ type: MailMessagePageDto })
  @ApiProblems(400, 404)
  async list(
    @Param('reference') reference: string,
    @Query() query: PageQueryDto,
  ): Promise<MailMessagePageDto> {
    const c = await this.cases.byReference(reference);
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = query.cursor ? positionOf(query.cursor) : null;
    const rows = await this.messages.listForCase(c.id, after, limit + 1);
    return toPage(rows, limit, toDto, (row) => [row.position]);
  }
}

/** The position in a cursor; anything but one this route made answers 400. */
function positionOf(cursor: string): string {
  const [position] = decodeCursor(cursor, ['string']);
  if (typeof position === 'string' && /^\d{1,18}$/.test(position)) return position;
  throw new DomainError('VALIDATION_FAILED', 'cursor is not valid', {}, [
    { field: 'cursor', message: 'cursor must be a value returned as nextCursor' },
  ]);
}

function toDto(row: MailMessageRow) {
  return {
    id: row.id,
    template: row.template,
    audience: row.audience,
    recipient: row.recipient,
    language: row.language,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    messageId: row.message_id,
    createdAt: row.created_at.toISOString(),
    nextAttemptAt: row.next_attempt_at?.toISOString() ?? null,
    sentAt: row.sent_at?.toISOString() ?? null,
  };
}
