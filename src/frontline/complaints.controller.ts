import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { StaffActor, actorRef } from '../auth/actor';
import { CurrentStaff, Roles } from '../auth/auth.decorators';
import { ApiProblems } from '../common/openapi/api-problems';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { toComplaintDto } from './complaint-view';
import { ComplaintsService } from './complaints.service';
import { ComplaintDto, ComplaintPageDto } from './dto/complaint.dto';
import { CreateComplaintDto } from './dto/create-complaint.dto';
import { RecordFinalResponseDto } from './dto/record-final-response.dto';
import { FinalResponsesService } from './final-responses.service';

const REFERENCE = ApiParam({ name: 'reference', example: 'CMP-000123' });

@ApiTags('frontline')
@Controller('v1/frontline/complaints')
export class ComplaintsController {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly finalResponses: FinalResponsesService,
  ) {}

  @Post()
  @Roles('frontline_agent', 'integration')
  @ApiOperation({
    summary: 'Record a front-line complaint',
    description:
      'The deadline for the final response is set by policy (15 business days by default) and ' +
      'counts from `receivedAt`, which a CRM pushing its history may date back. ' +
      'Pushing an externalId the caller already pushed returns that complaint with 200 and ' +
      'changes nothing, so integrations may retry safely.',
  })
  @ApiCreatedResponse({ type: ComplaintDto, description: 'The new complaint' })
  @ApiOkResponse({ type: ComplaintDto, description: 'The complaint this externalId already made' })
  @ApiProblems(400)
  async create(
    @Body() body: CreateComplaintDto,
    @CurrentStaff() staff: StaffActor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ComplaintDto> {
    const { complaint, created } = await this.complaints.create(
      {
        customer: body.customer,
        subject: body.subject,
        description: body.description,
        source: staff.sub,
        externalId: body.externalId,
        agentId: body.agentId ?? staff.sub,
        channel: body.channel,
        receivedAt: body.receivedAt === undefined ? undefined : new Date(body.receivedAt),
      },
      actorRef(staff),
    );
    void reply.status(created ? 201 : 200);
    return toComplaintDto(complaint);
  }

  @Get()
  @Roles('frontline_agent', 'integration')
  @ApiOperation({ summary: 'List front-line complaints, newest first (keyset pagination)' })
  @ApiOkResponse({ type: ComplaintPageDto })
  @ApiProblems(400)
  list(@Query() query: PageQueryDto): Promise<ComplaintPageDto> {
    return this.complaints.list(query.limit, query.cursor);
  }

  @Get(':reference')
  @Roles('frontline_agent', 'integration')
  @ApiOperation({ summary: 'Read a front-line complaint' })
  @REFERENCE
  @ApiOkResponse({ type: ComplaintDto })
  @ApiProblems(404)
  get(@Param('reference') reference: string): Promise<ComplaintDto> {
    return this.complaints.get(reference);
  }

  @Post(':reference/final-response')
  @Roles('frontline_agent', 'integration')
  @ApiOperation({
    summary: 'Record the final response to a complaint, and any offer',
    description: 'A complaint has one final response; a second one answers 409.',
  })
  @REFERENCE
  @ApiCreatedResponse({ type: ComplaintDto, description: 'The complaint with its final response' })
  @ApiProblems(400, 404, 409)
  respond(
    @Param('reference') reference: string,
    @Body() body: RecordFinalResponseDto,
    @CurrentStaff() staff: StaffActor,
  ): Promise<ComplaintDto> {
    return this.finalResponses.respond(
      reference,
      {
        text: body.text,
        offer: body.offer,
        respondedAt: body.respondedAt === undefined ? undefined : new Date(body.respondedAt),
      },
      actorRef(staff),
    );
  }
}
