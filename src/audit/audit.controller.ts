import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { AuditService } from './audit.service';
import { VerificationReportDto } from './dto/verification-report.dto';

@ApiTags('audit')
@Controller('v1/admin/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

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
}
