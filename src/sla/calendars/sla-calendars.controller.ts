import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { actorRef, StaffActor } from '../../auth/actor';
import { CurrentStaff, Roles } from '../../auth/auth.decorators';
import { ApiProblems } from '../../common/openapi/api-problems';
import { SlaCalendarDto, SlaCalendarInputDto, SlaCalendarListDto } from '../dto/sla-calendar.dto';
import { SlaCalendars } from './sla-calendars.service';

@ApiTags('deadlines (ombudsman staff)')
@Controller('v1/admin/sla/calendars')
export class SlaCalendarsController {
  constructor(private readonly calendars: SlaCalendars) {}

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
  @ApiOkResponse({ type: SlaCalendarDto })
  @ApiProblems(404)
  get(@Param('id') id: string): Promise<SlaCalendarDto> {
    return this.calendars.get(id);
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
  @ApiOkResponse({ type: SlaCalendarDto })
  @ApiProblems(400, 404, 409)
  replace(
    @Param('id') id: string,
    @Body() body: SlaCalendarInputDto,
    @CurrentStaff() staff: StaffActor,
  ): Promise<SlaCalendarDto> {
    return this.calendars.replace(id, body, actorRef(staff));
  }
}
