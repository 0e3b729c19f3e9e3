import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { StaffActor, namedRef } from '../../auth/actor';
import { CurrentStaff, Roles } from '../../auth/auth.decorators';
import { AuditService } from '../../audit/audit.service';
import { ApiProblems } from '../../common/openapi/api-problems';
import { CaseReaderService } from '../../cases/case-reader.service';
import { CaseAuditDto, CaseTimelineDto, PostedDto } from '../../views/staff/case-records.dto';
import { NoteDto, StaffMessageDto } from '../../cases/dto/close-case.dto';
import { StaffCaseWrites } from '../../cases/conflicts/staff-case-writes.decorator';
import {
  CreateInformationRequestDto,
  InformationRequestDto,
} from '../../cases/dto/information-request.dto';
import { InformationRequestsService } from '../../cases/information-requests/information-requests.service';
import { CaseConversationService } from '../../cases/messages/case-conversation.service';
import { staffTimelineEntry } from '../../views/staff/staff-case-view.service';
import { CaseTimeline } from '../../cases/timeline/case-timeline';

const STAFF = ['ombudsman_officer', 'ombudsman'] as const;
const READERS = [...STAFF, 'auditor'] as const;

/** What is said and recorded on a case: notes, messages, questions, the timeline and the audit trail. */
@ApiTags('cases (ombudsman staff)')
@Controller('v1/admin/cases/:reference')
@ApiParam({ name: 'reference', example: 'OMB-2026-000001' })
@ApiProblems(404)
@StaffCaseWrites()
export class CaseRecordsController {
  constructor(
    private readonly cases: CaseReaderService,
    private readonly conversation: CaseConversationService,
    private readonly requests: InformationRequestsService,
    private readonly timeline: CaseTimeline,
    private readonly audit: AuditService,
  ) {}

  @Post('notes')
  @Roles(...STAFF)
  @HttpCode(201)
  @ApiOperation({ summary: 'Add an internal note (never shown to the customer or the company)' })
  @ApiCreatedResponse({ type: PostedDto })
  @ApiProblems(400)
  async note(
    @Param('reference') reference: string,
    @Body() body: NoteDto,
    @CurrentStaff() actor: StaffActor,
  ): Promise<PostedDto> {
    const posted = await this.conversation.note(
      await this.cases.byReference(reference),
      namedRef(actor),
      body.body,
    );
    return {
      id: posted.id,
      reference,
      type: 'note.internal',
      body: body.body,
      at: posted.at.toISOString(),
    };
  }

  @Post('messages')
  @Roles(...STAFF)
  @HttpCode(201)
  @ApiOperation({ summary: 'Write to the customer or to the company' })
  @ApiCreatedResponse({ type: PostedDto })
  @ApiProblems(400)
  async message(
    @Param('reference') reference: string,
    @Body() body: StaffMessageDto,
    @CurrentStaff() actor: StaffActor,
  ): Promise<PostedDto> {
    const c = await this.cases.byReference(reference);
    const posted = await this.conversation.fromOffice(c, namedRef(actor), body.to, body.body);
    return {
      id: posted.id,
      reference,
      type: `message.to_${body.to}`,
      to: body.to,
      body: body.body,
      at: posted.at.toISOString(),
    };
  }

  @Post('information-requests')
  @Roles(...STAFF)
  @HttpCode(201)
  @ApiOperation({
    summary: 'Ask the customer or the company for information',
    description:
      'A question to the customer marks the case as waiting on the customer until they answer.',
  })
  @ApiCreatedResponse({ type: InformationRequestDto })
  @ApiProblems(400, 409)
  async ask(
    @Param('reference') reference: string,
    @Body() body: CreateInformationRequestDto,
    @CurrentStaff() actor: StaffActor,
  ): Promise<InformationRequestDto> {
    return this.requests.ask(await this.cases.byReference(reference), body, namedRef(actor));
  }

  @Get('timeline')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The whole timeline, internal entries included' })
  @ApiOkResponse({ type: CaseTimelineDto })
  async timelineOf(@Param('reference') reference: string): Promise<CaseTimelineDto> {
    const c = await this.cases.byReference(reference);
    const entries = await this.timeline.list(c.id, 'office');
    return {
      reference,
      items: entries.map(staffTimelineEntry),
    };
  }

  @Get('audit')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The case’s audit trail, hash-chained, with whether it is intact' })
  @ApiOkResponse({ type: CaseAuditDto })
  async auditOf(@Param('reference') reference: string): Promise<CaseAuditDto> {
    const c = await this.cases.byReference(reference);
    const { entries, firstBroken } = await this.audit.chain(c.id);
    return {
      reference,
      intact: firstBroken === null,
      entries: entries.map((e) => ({
        id: e.id,
        seq: e.seq,
        actorSub: e.actorSub,
        actorRole: e.actorRole,
        action: e.action,
        before: e.before,
        after: e.after,
        occurredAt: e.occurredAt.toISOString(),
        hash: e.hash,
        prevHash: e.prevHash,
      })),
    };
  }
}
