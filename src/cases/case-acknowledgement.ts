import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DeadlinesService } from '../sla/deadlines.service';

/** The first human act on a case (triage or a message) acknowledges it. */
@Injectable()
export class CaseAcknowledgement {
  constructor(private readonly deadlines: DeadlinesService) {}

  async acknowledge(manager: EntityManager, caseId: string): Promise<void> {
    await manager.query(
      'UPDATE ombudsman_case SET acknowledged_at = now() WHERE id = $1 AND acknowledged_at IS NULL',
      [caseId],
    );
    await this.deadlines.meet(manager, caseId, ['acknowledge']);
  }
}
