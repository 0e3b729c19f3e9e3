import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { actorRef, CustomerActor } from '../auth/actor';
import { ApiProblems } from '../common/openapi/api-problems';
import { CaseTokenAuth } from '../cases/access/case-token.guard';
import { CurrentCustomer } from '../cases/access/current-customer.decorator';
import { FeedbackDto, GiveFeedbackDto } from './dto/feedback.dto';
import {
  CustomerSuggestionDto,
  CustomerSuggestionPageDto,
  MakeSuggestionDto,
  SuggestionQueryDto,
} from './dto/suggestion.dto';
import { FeedbackService } from './feedback.service';
import { SuggestionsService } from './suggestions.service';

/** The customer rates the service and suggests improvements, with the case access token. */
@ApiTags('escalations (customers)')
@Controller('v1/escalations/:reference')
@CaseTokenAuth()
@ApiParam({ name: 'reference', example: 'OMB-2026-000001' })
export class CustomerFeedbackController {
  constructor(
    private readonly feedback: FeedbackService,
    private readonly suggestions: SuggestionsService,
  ) {}

  @Post('feedback')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Rate our service (1 to 5) once your case is closed',
    description:
      'Once per case. Before the case is closed the answer is 409 with `currentStatus`; a ' +
      'second rating is 409 too.',
  })
  @ApiCreatedResponse({ type: FeedbackDto })
  @ApiProblems(400, 409)
  give(
    @CurrentCustomer() customer: CustomerActor,
    @Body() body: GiveFeedbackDto,
  ): Promise<FeedbackDto> {
    return this.feedback.give(customer.caseId, actorRef(customer), body);
  }

  @Post('suggestions')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Suggest how the company could do better',
    description: 'You can follow what becomes of it, in your language, with GET.',
  })
  @ApiCreatedResponse({ type: CustomerSuggestionDto })
  @ApiProblems(400)
  suggest(
    @CurrentCustomer() customer: CustomerActor,
    @Body() body: MakeSuggestionDto,
  ): Promise<CustomerSuggestionDto> {
    return this.suggestions.make(customer.caseId, actorRef(customer), body.text);
  }

  @Get('suggestions')
  @ApiOperation({ summary: 'Your suggestions, with their status and our public response' })
  @ApiOkResponse({ type: CustomerSuggestionPageDto })
  @ApiProblems(400)
  list(
    @CurrentCustomer() customer: CustomerActor,
    @Query() query: SuggestionQueryDto,
  ): Promise<CustomerSuggestionPageDto> {
    return this.suggestions.forCase(customer.caseId, query);
  }
}
