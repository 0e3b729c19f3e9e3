import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CompensationModule } from '../compensation/compensation.module';
import { DecisionsModule } from '../decisions/decisions.module';
import { MediationModule } from '../mediation/mediation.module';
import { FrontlineModule } from '../frontline/public/frontline-module';
import { CompanyCaseViewService } from './company/company-case-view.service';
import { CustomerViewService } from './customer/customer-view.service';
import { ResolutionViewsService } from './resolution/resolution-views.service';
import { StaffCaseViewService } from './staff/staff-case-view.service';
import { SlaModule } from '../sla/sla.module';
import { DocumentViewsModule } from '../documents/views/document-views.module';

const VIEWS = [
  ResolutionViewsService,
  StaffCaseViewService,
  CompanyCaseViewService,
  CustomerViewService,
];

/**
 * The read models: what staff, the company and the customer see of a case. They read every module
 * below them and nothing imports them but the HTTP edges (see docs/architecture.md).
 */
@Module({
  imports: [
    SlaModule,
    CasesModule,
    FrontlineModule,
    CompensationModule,
    MediationModule,
    DecisionsModule,
    DocumentViewsModule,
  ],
  providers: VIEWS,
  exports: VIEWS,
})
export class ViewsModule {}
