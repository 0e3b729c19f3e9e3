import { Module } from '@nestjs/common';
import { ResolutionViewsModule } from '../compensation/views/resolution-views.module';
import { DocumentViewsModule } from '../documents/views/document-views.module';
import { CaseQueueController } from './queue/case-queue.controller';
import { CaseQueue } from './queue/case-queue.service';
import { CaseAccess } from './case-access.service';
import { ConflictDeclarations } from './conflicts/conflict-declarations.repository';
import { CaseFiling } from './case-filing.service';
import { CaseReader } from './case-reader.service';
import { CaseReferenceAllocator } from './case-reference.allocator';
import { CaseTransitions } from './case-transitions.service';
import { CasesController } from './cases.controller';
import { AssignmentService } from './assignment/assignment.service';
import { CaseAcknowledgement } from './case-acknowledgement';
import { CaseHandlingController } from './case-handling.controller';
import { CaseRecordsController } from './case-records.controller';
import { CompanyCaseView } from './company/company-case-view';
import { CompanyCasesController } from './company/company-cases.controller';
import { InformationRequests } from './information-requests/information-requests.service';
import { CustomerWaitClock } from './information-requests/customer-wait-clock';
import { TriageService } from './triage/triage.service';
import { CaseConversation } from './messages/case-conversation.service';
import { StaffCaseView } from './staff-case-view';
import { CaseTimeline } from './timeline/case-timeline';

const EXPORTED = [
  CaseAccess,
  ConflictDeclarations,
  CaseFiling,
  CaseReader,
  CaseReferenceAllocator,
  CaseTransitions,
  CaseConversation,
  CaseTimeline,
  CompanyCaseView,
  InformationRequests,
];

/** The ombudsman case: filing, lifecycle, timeline, messages, the staff view. */
@Module({
  imports: [ResolutionViewsModule, DocumentViewsModule],
  controllers: [
    CasesController,
    CaseHandlingController,
    CaseRecordsController,
    CompanyCasesController,
    CaseQueueController,
  ],
  providers: [
    ...EXPORTED,
    StaffCaseView,
    TriageService,
    AssignmentService,
    CustomerWaitClock,
    CaseAcknowledgement,
    CaseQueue,
  ],
  exports: EXPORTED,
})
export class CasesModule {}
