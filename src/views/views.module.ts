import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CompensationModule } from '../compensation/compensation.module';
import { DecisionsModule } from '../decisions/decisions.module';
import { MediationModule } from '../mediation/mediation.module';
import { FrontlineModule } from '../frontline/public/frontline-module';
import { CompanyCaseView } from './company/company-case-view';
import { CustomerViewBuilder } from './customer/customer-view';
import { ResolutionViews } from './resolution/resolution-views';
import { StaffCaseView } from './staff/staff-case-view';
import { SlaModule } from '../sla/sla.module';
import { DocumentViewsModule } from '../documents/views/document-views.module';

const VIEWS = [ResolutionViews, StaffCaseView, CompanyCaseView, CustomerViewBuilder];

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
