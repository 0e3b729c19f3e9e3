import { Module } from '@nestjs/common';
import { CaseQueue } from './queue/case-queue.service';
import { CaseAccess } from './case-access.service';
import { ConflictDeclarations } from './conflicts/conflict-declarations.repository';
import { CaseFiling } from './case-filing.service';
import { CaseReader } from './case-reader.service';
import { CaseReferenceAllocator } from './case-reference.allocator';
import { CaseTransitions } from './case-transitions.service';
import { CaseRecorder } from './case-recorder';
import { AssignmentService } from './assignment/assignment.service';
import { CaseAcknowledgement } from './case-acknowledgement';
import { InformationRequests } from './information-requests/information-requests.service';
import { CustomerWaitClock } from './information-requests/customer-wait-clock';
import { TriageService } from './triage/triage.service';
import { CaseConversation } from './messages/case-conversation.service';
import { CaseTimeline } from './timeline/case-timeline';
import { DecisionLapse } from './decision-lapse';
import { SlaModule } from '../sla/sla.module';
import { CasesRepository } from './cases.repository';
import { CaseClosureEffects } from './closure/case-closure.port';

const EXPORTED = [
  CaseAccess,
  ConflictDeclarations,
  CaseFiling,
  CaseReader,
  CaseReferenceAllocator,
  CaseTransitions,
  CaseRecorder,
  CaseConversation,
  CaseTimeline,
  TriageService,
  AssignmentService,
  InformationRequests,
  CaseQueue,
  CaseClosureEffects,
];

/**
 * The case core: filing, lifecycle, transitions, triage, assignment, information requests,
 * messages, timeline and the staff queue. Its routes live in the HTTP edges (src/edges).
 */
@Module({
  imports: [SlaModule],
  providers: [...EXPORTED, CustomerWaitClock, CaseAcknowledgement, DecisionLapse, CasesRepository],
  exports: EXPORTED,
})
export class CasesModule {}
