import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { StaffActor, namedRef } from '../../auth/actor';
import { CurrentStaff, Roles } from '../../auth/auth.decorators';
import { ApiProblems } from '../../common/openapi/api-problems';
import { AssignmentService } from '../../cases/assignment/assignment.service';
import { CaseReaderService } from '../../cases/case-reader.service';
import { CaseTransitionsService } from '../../cases/case-transitions.service';
import {
  AssignCaseDto,
  ConflictDeclarationDto,
  DeclareConflictDto,
} from '../../cases/dto/assign-case.dto';
import { CloseCaseDto, LitigationDto } from '../../cases/dto/close-case.dto';
import { StaffCaseDto } from '../../views/staff/staff-case.dto';
import { TriageCaseDto } from '../../cases/dto/triage-case.dto';
import { OpenToConflictedStaff } from '../../cases/conflicts/conflict-of-interest.bar';
import { StaffCaseWrites } from '../../cases/conflicts/staff-case-writes.decorator';
import { IfMatch } from '../../cases/if-match/if-match.decorator';
import { StaffCaseViewService } from '../../views/staff/staff-case-view.service';
import { TriageService } from '../../cases/triage/triage.service';

const CASE_ANSWER = ApiOkResponse({
  type: StaffCaseDto,
  headers: { ETag: { schema: { type: 'string' }, description: 'New version' } },
});

/** Status and assignment of a case: only ombudsman staff, never the front line or auditors. */
@ApiTags('cases (ombudsman staff)')
@Controller('v1/admin/cases/:reference')
@Roles('ombudsman_officer', 'ombudsman')
@ApiParam({ name: 'reference', example: 'OMB-2026-000001' })
@StaffCaseWrites()
@ApiProblems(400, 404, 409, 412)
export class CaseHandlingController {
  constructor(
    private readonly cases: CaseReaderService,
    private readonly view: StaffCaseViewService,
    private readonly triages: TriageService,
    private readonly assignment: AssignmentService,
    private readonly transitions: CaseTransitionsService,
  ) {}

  @Post('triage')
  @HttpCode(200)
  @CASE_ANSWER
  @ApiOperation({
    summary: 'Triage a case: accept it, refer it to the front line, or reject it, with a reason',
    description:
      'The reason is shown to the customer (their timeline, and the explanation of a refusal ' +
      'or referral), never to the company. Staff with a declared conflict on the case get 403 ' +
      '`CONFLICT_OF_INTEREST` here as on every write.',
  })
  async triage(
    @Param('reference') reference: string,
    @Body() body: TriageCaseDto,
    @CurrentStaff() actor: StaffActor,
    @IfMatch() version: number | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StaffCaseDto> {
    await this.triages.triage(await this.cases.byReference(reference), body, actor, version);
    return this.answer(reference, reply);
  }

  @Post('assign')
  @HttpCode(200)
  @CASE_ANSWER
  @ApiOperation({
    summary: 'Assign the case to an officer (an officer may take an unassigned case)',
    description:
      'Refuses the agent who handled the front-line complaint and anyone who declared a conflict.',
  })
  async assign(
    @Param('reference') reference: string,
    @Body() body: AssignCaseDto,
    @CurrentStaff() actor: StaffActor,
    @IfMatch() version: number | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StaffCaseDto> {
    await this.assignment.assign(await this.cases.byReference(reference), body, actor, version);
    return this.answer(reference, reply);
  }

  @Post('conflicts')
  @OpenToConflictedStaff()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Declare a conflict of interest on the case (yours, or a colleague’s as ombudsman)',
    description:
      'Whoever declared a conflict can no longer be assigned; if they held the case they are ' +
      'released from it (event `case.unassigned`). Declaring the same conflict again answers ' +
      'the declaration on record.',
  })
  @ApiCreatedResponse({ type: ConflictDeclarationDto })
  @ApiProblems(403)
  async declareConflict(
    @Param('reference') reference: string,
    @Body() body: DeclareConflictDto,
    @CurrentStaff() actor: StaffActor,
  ): Promise<ConflictDeclarationDto> {
    return this.assignment.declareConflict(await this.cases.byReference(reference), body, actor);
  }

  @Post('litigation')
  @HttpCode(200)
  @CASE_ANSWER
  @ApiOperation({ summary: 'Record that a party went to court: the case closes as litigation' })
  async litigation(
    @Param('reference') reference: string,
    @Body() body: LitigationDto,
    @CurrentStaff() actor: StaffActor,
    @IfMatch() version: number | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StaffCaseDto> {
    const c = await this.cases.byReference(reference);
    await this.transitions.apply({
      caseId: c.id,
      command: 'notify_litigation',
      actor: namedRef(actor),
      expectedVersion: version,
      reason: body.note,
      details: {
        litigation: {
          party: body.party,
          court: body.court ?? null,
          filedAt: body.filedAt ?? new Date().toISOString().slice(0, 10),
        },
      },
    });
    return this.answer(reference, reply);
  }

  @Post('close')
  @HttpCode(200)
  @CASE_ANSWER
  @ApiOperation({
    summary: 'Close the case where the lifecycle allows it by hand',
    description:
      'A rejected case closes as `rejected`; a case referred to the front line as `resolved_by_frontline`.',
  })
  async close(
    @Param('reference') reference: string,
    @Body() body: CloseCaseDto,
    @CurrentStaff() actor: StaffActor,
    @IfMatch() version: number | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StaffCaseDto> {
    const c = await this.cases.byReference(reference);
    await this.transitions.apply({
      caseId: c.id,
      command: body.outcome === 'rejected' ? 'close_rejected' : 'resolve_by_frontline',
      actor: namedRef(actor),
      expectedVersion: version,
      reason: body.reason,
    });
    return this.answer(reference, reply);
  }

  private async answer(reference: string, reply: FastifyReply): Promise<StaffCaseDto> {
    const c = await this.cases.byReference(reference);
    void reply.header('etag', `"${c.version}"`);
    return this.view.build(c);
  }
}
