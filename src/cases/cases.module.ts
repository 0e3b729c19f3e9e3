import { Module } from '@nestjs/common';
import { CaseQueueService } from './queue/case-queue.service';
import { CaseAccessService } from './case-access.service';
import { ConflictDeclarationsRepository } from './conflicts/conflict-declarations.repository';
import { CaseFilingService } from './case-filing.service';
import { CaseReaderService } from './case-reader.service';
import { CaseReferenceAllocator } from './case-reference.allocator';
import { CaseTransitionsService } from './case-transitions.service';
import { CaseRecorder } from './case-recorder';
import { AssignmentService } from './assignment/assignment.service';
import { CaseAcknowledgement } from './case-acknowledgement';
import { InformationRequestsService } from './information-requests/information-requests.service';
import { CustomerWaitClock } from './information-requests/customer-wait-clock';
import { TriageService } from './triage/triage.service';
import { CaseConversationService } from './messages/case-conversation.service';
import { CaseTimeline } from './timeline/case-timeline';
import { DecisionLapse } from './decision-lapse';
import { SlaModule } from '../sla/sla.module';
import { CasesRepository } from './cases.repository';
import { CaseClosureEffects } from './closure/case-closure.port';
import { CaseReferenceRepository } from './case-reference.repository';
import { InformationRequestsRepository } from './information-requests/information-requests.repository';
import { CaseQueueRepository } from './queue/case-queue.repository';
import { TimelineEntriesRepository } from './timeline/timeline-entries.repository';

const EXPORTED = [
  CaseAccessService,
  ConflictDeclarationsRepository,
  CaseFilingService,
  CaseReaderService,
  CaseReferenceAllocator,
  CaseTransitionsService,
  CaseRecorder,
  CaseConversationService,
  CaseTimeline,
  TriageService,
  AssignmentService,
  InformationRequestsService,
  CaseQueueService,
  CaseClosureEffects,
];

/**
 * The case core: filing, lifecycle, transitions, triage, assignment, information requests,
 * messages, timeline and the staff queue. Its routes live in the HTTP edges (src/edges).
 */
@Module({
  imports: [SlaModule],
  providers: [
    ...EXPORTED,
    CustomerWaitClock,
    CaseAcknowledgement,
    DecisionLapse,
    CasesRepository,
    CaseReferenceRepository,
    InformationRequestsRepository,
    CaseQueueRepository,
    TimelineEntriesRepository,
  ],
  exports: EXPORTED,
})
export class CasesModule {}
