import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { actorRef, StaffActor } from '../auth/actor';
import { CurrentStaff, Roles } from '../auth/auth.decorators';
import { ApiProblems } from '../common/openapi/api-problems';
import { AuditVerificationService } from './audit-verification.service';
import { AuditService } from './audit.service';
import {
  StartVerificationDto,
  VerificationReportDto,
  VerificationRunDto,
} from './dto/verification-report.dto';

@ApiTags('audit')
@Controller('v1/admin/audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly verification: AuditVerificationService,
  ) {}

  @Get('verify')
  @Roles('ombudsman', 'auditor')
  @ApiOperation({
    summary: 'Verify every audit hash chain',
    description: 'Re-computes each entry hash and link; reports the first broken entry, if any.',
  })
  @ApiOkResponse({ type: VerificationReportDto })
  verify(): Promise<VerificationReportDto> {
    return this.audit.verify();
  }

  @Post('verifications')
  @HttpCode(200)
  @Roles('ombudsman', 'auditor')
  @ApiOperation({
    summary: 'Verify the audit log and record the verified point',
    description:
      'Streams the entries (never the whole log in memory). `incremental` checks only what was ' +
      'appended since the last verified point, each entry against its chain predecessor, after ' +
      'checking that the point itself is intact; `full` checks every chain. A run that finds no ' +
      'break records the new point as an audit entry of the `audit-verification` chain.',
  })
  @ApiOkResponse({ type: VerificationRunDto })
  @ApiProblems(400)
  run(
    @Body() body: StartVerificationDto,
    @CurrentStaff() staff: StaffActor,
  ): Promise<VerificationRunDto> {
    return this.verification.run(body.mode, actorRef(staff));
  }
}
