import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { actorRef, StaffActor } from '../../auth/actor';
import { CurrentStaff, Roles } from '../../auth/auth.decorators';
import { parseIfMatch } from '../../common/http/if-match';
import { ApiProblems } from '../../common/openapi/api-problems';
import { SlaCalendarDto, SlaCalendarInputDto, SlaCalendarListDto } from '../dto/sla-calendar.dto';
import { SlaCalendarsService } from './sla-calendars.service';

const ETAG = {
  ETag: { description: 'The calendar version, for If-Match', schema: { type: 'string' } },
};

@ApiTags('deadlines (ombudsman staff)')
@Controller('v1/admin/sla/calendars')
export class SlaCalendarsController {
  constructor(private readonly calendars: SlaCalendarsService) {}

  @Get()
  @Roles('ombudsman_officer', 'ombudsman', 'auditor')
  @ApiOperation({ summary: 'Business calendars: time zone, working days and holidays' })
  @ApiOkResponse({ type: SlaCalendarListDto })
  async list(): Promise<SlaCalendarListDto> {
    return { items: await this.calendars.list(), nextCursor: null };
  }

  @Get(':id')
  @Roles('ombudsman_officer', 'ombudsman', 'auditor')
  @ApiOperation({ summary: 'One business calendar' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: SlaCalendarDto, headers: ETAG })
  @ApiProblems(404)
  async get(
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SlaCalendarDto> {
    return withEtag(reply, await this.calendars.get(id));
  }

  @Post()
  @HttpCode(201)
  @Roles('ombudsman')
  @ApiOperation({
    summary: 'Add a business calendar',
    description: 'Audited. Deadlines already running keep their dates.',
  })
  @ApiCreatedResponse({ type: SlaCalendarDto })
  @ApiProblems(400, 409)
  create(
    @Body() body: SlaCalendarInputDto,
    @CurrentStaff() staff: StaffActor,
  ): Promise<SlaCalendarDto> {
    return this.calendars.create(body, actorRef(staff));
  }

  @Put(':id')
  @Roles('ombudsman')
  @ApiOperation({
    summary: 'Replace a business calendar',
    description:
      'Audited. Counts for deadlines opened from now on; deadlines already running keep their dates.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The ETag of the calendar you read; 412 if someone changed it since.',
  })
  @ApiOkResponse({ type: SlaCalendarDto, headers: ETAG })
  @ApiProblems(400, 404, 409, 412)
  async replace(
    @Param('id') id: string,
    @Body() body: SlaCalendarInputDto,
    @CurrentStaff() staff: StaffActor,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SlaCalendarDto> {
    const expected = parseIfMatch(ifMatch, 'calendar');
    return withEtag(reply, await this.calendars.replace(id, body, actorRef(staff), expected));
  }
}

function withEtag(reply: FastifyReply, calendar: SlaCalendarDto): SlaCalendarDto {
  void reply.header('etag', `"${calendar.version}"`);
  return calendar;
}
