import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseRecorder } from '../cases/case-recorder';
import {
  CaseClosureEffect,
  CaseClosureEffects,
  ClosedCase,
} from '../cases/closure/case-closure.port';
import { remedyTarget } from './remedy-lifecycle';
import { RemedyClosureRepository } from './remedy-closure.repository';

/**
 * Once a case is closed nothing stays on offer: the remedies of a proposal or decision nobody
 * answered (withdrawal, litigation, a lapsed decision) are superseded, each with its audit entry,
 * so that `proposed` always means "awaiting an answer" in the reports. The case core runs this in
 * the closing transaction through its closure port.
 */
@Injectable()
export class RemedyClosureService implements CaseClosureEffect, OnModuleInit {
  constructor(
    private readonly effects: CaseClosureEffects,
    private readonly remedies: RemedyClosureRepository,
    private readonly recorder: CaseRecorder,
  ) {}

  onModuleInit(): void {
    this.effects.register(this);
  }

  async onCaseClosed(manager: EntityManager, closed: ClosedCase): Promise<void> {
    const superseded = await this.remedies.supersedeOpen(manager, closed.id);
    for (const remedy of superseded) {
      await this.recorder.record(manager, closed, {
        actor: closed.actor,
        audit: {
          action: 'remedy.superseded',
          before: { remedyId: remedy.id, status: 'proposed' },
          after: {
            remedyId: remedy.id,
            status: remedyTarget('supersede'),
            source: remedy.source,
            sourceId: remedy.sourceId,
            reason: 'case_closed',
            command: closed.command,
            outcome: closed.outcome,
          },
        },
      });
    }
  }
}
