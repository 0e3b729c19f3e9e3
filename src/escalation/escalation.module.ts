import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { FrontlineModule } from '../frontline/frontline.module';
import { CaseTokenGuard } from './case-token.guard';
import { CustomerViewBuilder } from './customer-view';
import { EscalationController } from './escalation.controller';
import { IntakeService } from './intake.service';

@Module({
  imports: [CasesModule, FrontlineModule],
  controllers: [EscalationController],
  providers: [IntakeService, CustomerViewBuilder, CaseTokenGuard],
})
export class EscalationModule {}
