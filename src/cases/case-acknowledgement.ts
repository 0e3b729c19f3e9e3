import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DeadlinesService } from '../sla/deadlines.service';
import { CasesRepository } from './cases.repository';

/** The first human act on a case (triage or a message) acknowledges it. */
@Injectable()
export class CaseAcknowledgement {
  constructor(
    private readonly deadlines: DeadlinesService,
    private readonly cases: CasesRepository,
  ) {}

  async acknowledge(manager: EntityManager, caseId: string): Promise<void> {
    await this.cases.acknowledge(manager, caseId);
    await this.deadlines.meet(manager, caseId, ['acknowledge']);
  }
}
