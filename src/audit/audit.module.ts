import { Global, Module } from '@nestjs/common';
import { AuditEntriesRepository } from './audit-entries.repository';
import { AuditVerificationService } from './audit-verification.service';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditService, AuditEntriesRepository, AuditVerificationService],
  exports: [AuditService],
})
export class AuditModule {}
