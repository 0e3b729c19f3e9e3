import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ApiProblems } from '../common/openapi/api-problems';
import { BudgetService } from './budget.service';
import { BudgetDto, BudgetQueryDto, RemedyQueryDto } from './dto/compensation-requests.dto';
import { RemedyPageDto } from './dto/remedy.dto';
import { RemedyQueriesService } from './remedy-queries.service';
import { REMEDY_READERS } from './remedy-readers';

/** Remedies across cases and the yearly budget. */
@ApiTags('compensation')
@Controller('v1/admin')
@Roles(...REMEDY_READERS)
export class CompensationController {
  constructor(
    private readonly queries: RemedyQueriesService,
    private readonly budget: BudgetService,
  ) {}

  @Get('remedies')
  @ApiOperation({
    summary: 'Remedies across cases; `overdue=true` lists owed ones past their deadline',
  })
  @ApiOkResponse({ type: RemedyPageDto })
  @ApiProblems(400)
  list(@Query() query: RemedyQueryDto): Promise<RemedyPageDto> {
    return this.queries.list(query);
  }

  @Get('compensation/budget')
  @ApiOperation({
    summary: 'The yearly compensation budget per currency: budget, committed, paid and left',
    description: 'A remedy counts in the year it became binding: committed while owed, then paid.',
  })
  @ApiOkResponse({ type: BudgetDto })
  @ApiProblems(400)
  budgetFor(@Query() query: BudgetQueryDto): Promise<BudgetDto> {
    return this.budget.forYear(query.year ?? new Date().getUTCFullYear());
  }
}
