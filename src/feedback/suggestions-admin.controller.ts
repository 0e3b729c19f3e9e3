import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { actorRef, StaffActor } from '../auth/actor';
import { CurrentStaff, Roles } from '../auth/auth.decorators';
import { ApiProblems } from '../common/openapi/api-problems';
import {
  CorrectiveActionDto,
  CorrectiveActionPageDto,
  CorrectiveActionQueryDto,
  TrackCorrectiveActionDto,
} from './dto/corrective-action.dto';
import {
  ChangeSuggestionStatusDto,
  StaffSuggestionDto,
  StaffSuggestionPageDto,
  SuggestionQueryDto,
} from './dto/suggestion.dto';
import { CorrectiveActionsService } from './corrective-actions.service';
import { SuggestionsService } from './suggestions.service';

const ID = ApiParam({ name: 'id', example: '0c6f8e9a-1b2d-4e3f-8a9b-7c6d5e4f3a2b' });

@ApiTags('suggestions and corrective actions (ombudsman staff)')
@Controller('v1/admin')
export class SuggestionsAdminController {
  constructor(
    private readonly suggestions: SuggestionsService,
    private readonly register: CorrectiveActionsService,
  ) {}

  @Get('suggestions')
  @Roles('ombudsman_officer', 'ombudsman', 'auditor')
  @ApiOperation({ summary: 'Customers’ suggestions, newest first, optionally by status' })
  @ApiOkResponse({ type: StaffSuggestionPageDto })
  @ApiProblems(400)
  list(@Query() query: SuggestionQueryDto): Promise<StaffSuggestionPageDto> {
    return this.suggestions.list(query);
  }

  @Post('suggestions/:id/status')
  @Roles('ombudsman_officer', 'ombudsman')
  @HttpCode(200)
  @ID
  @ApiOperation({
    summary:
      'Move a suggestion on (under review, accepted, implemented, declined) with a public response',
    description:
      'received → under_review | accepted | declined; under_review → accepted | declined; ' +
      'accepted → implemented | declined; declining needs a `publicResponse`. The customer reads ' +
      'the status in their language and the public response as written. Audited; emits ' +
      '`suggestion.status_changed`.',
  })
  @ApiOkResponse({ type: StaffSuggestionDto })
  @ApiProblems(400, 404, 409)
  changeStatus(
    @Param('id') id: string,
    @Body() body: ChangeSuggestionStatusDto,
    @CurrentStaff() staff: StaffActor,
  ): Promise<StaffSuggestionDto> {
    return this.suggestions.changeStatus(id, actorRef(staff), body);
  }

  @Get('corrective-actions')
  @Roles('ombudsman_officer', 'ombudsman', 'auditor')
  @ApiOperation({
    summary: 'The corrective-action register: process changes owed by the company',
    description:
      'Remedies of type `corrective_action` that are owed or done, and accepted or implemented ' +
      'suggestions, each with owner, due date and status, newest first.',
  })
  @ApiOkResponse({ type: CorrectiveActionPageDto })
  @ApiProblems(400)
  corrective(@Query() query: CorrectiveActionQueryDto): Promise<CorrectiveActionPageDto> {
    return this.register.list(query);
  }

  @Post('corrective-actions/:id')
  @Roles('ombudsman_officer', 'ombudsman')
  @HttpCode(200)
  @ID
  @ApiOperation({
    summary: 'Set the owner, due date, progress or note of a corrective action',
    description:
      'It becomes `implemented` when the company records the remedy fulfilled or the suggestion ' +
      'is marked implemented. Audited.',
  })
  @ApiOkResponse({ type: CorrectiveActionDto })
  @ApiProblems(400, 404)
  track(
    @Param('id') id: string,
    @Body() body: TrackCorrectiveActionDto,
    @CurrentStaff() staff: StaffActor,
  ): Promise<CorrectiveActionDto> {
    return this.register.track(id, actorRef(staff), body);
  }
}
