import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { StaffActor, namedRef } from '../auth/actor';
import { TransitionContext } from '../cases/case-lifecycle';
import { DomainError } from '../common/errors/domain-error';
import { DeadlinesService } from '../sla/deadlines.service';
import { lockCase, requireCommand } from '../cases/case-lock';
import { ConfirmFulfilmentDto, RecordFulfilmentDto } from './dto/compensation-requests.dto';
import { StaffRemedyDto } from './dto/remedy.dto';
import { foundRemedy } from './compensation.errors';
import { RemediesRepository } from './remedies.repository';
import { RemedyLedgerService } from './remedy-ledger.service';
import { RemedyRow, toStaffRemedy } from './remedy-rows';
import { CaseRecorder } from '../cases/case-recorder';
import { nextRemedyState } from './remedy-lifecycle';

/** Clocks differ a little between the company's systems and ours. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * The company records that it did what it owed; the office confirms or disputes it. When the last
 * owed remedy is recorded the case closes with its outcome.
 */
@Injectable()
export class FulfilmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recorder: CaseRecorder,
    private readonly ledger: RemedyLedgerService,
    private readonly deadlines: DeadlinesService,
    private readonly remedies: RemediesRepository,
  ) {}

  record(
    caseId: string,
    remedyId: string,
    body: RecordFulfilmentDto,
    actor: StaffActor,
  ): Promise<StaffRemedyDto> {
    const fulfilledAt = new Date(body.fulfilledAt);
    if (fulfilledAt.getTime() > Date.now() + CLOCK_SKEW_MS) {
      throw new DomainError('VALIDATION_FAILED', 'fulfilledAt is in the future', {}, [
        { field: 'fulfilledAt', message: 'fulfilledAt must not be in the future' },
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      const c = await lockCase(manager, caseId);
      const remedy = foundRemedy(await this.remedies.find(manager, caseId, remedyId), remedyId);
      requireCommand(c, 'record_fulfilment', 'fulfilled');
      if (nextRemedyState(remedy.status, 'fulfil') === null) {
        throw new DomainError('REMEDY_NOT_DUE', `The remedy is ${remedy.status}, not owed`, {
          remedyStatus: remedy.status,
        });
      }
      await this.remedies.recordFulfilment(manager, remedyId, {
        fulfilledAt,
        paymentReference: body.paymentReference ?? null,
        by: actor.sub,
        note: body.note,
      });
      await this.deadlines.meetSubject(manager, remedyId);
      const facts = {
        remedyId,
        type: remedy.type,
        paymentReference: body.paymentReference ?? null,
        fulfilledAt: fulfilledAt.toISOString(),
      };
      await this.recorder.record(manager, c, {
        actor: namedRef(actor),
        timeline: { type: 'remedy.fulfilled', audience: 'everyone', body: body.note, data: facts },
        audit: {
          action: 'remedy.fulfilled',
          before: { remedyId, status: 'due' },
          after: { status: 'fulfilled', note: body.note, ...facts },
        },
        event: { type: 'remedy.fulfilled', payload: facts },
      });
      await this.ledger.completeIfAllFulfilled(
        manager,
        caseId,
        await this.completionOf(manager, remedy),
      );
      return toStaffRemedy(
        foundRemedy(await this.remedies.find(manager, caseId, remedyId), remedyId),
      );
    });
  }

  confirm(
    caseId: string,
    remedyId: string,
    body: ConfirmFulfilmentDto,
    actor: StaffActor,
  ): Promise<StaffRemedyDto> {
    return this.dataSource.transaction(async (manager) => {
      const c = await lockCase(manager, caseId);
      const remedy = foundRemedy(await this.remedies.find(manager, caseId, remedyId), remedyId);
      if (remedy.status !== 'fulfilled') {
        throw new DomainError(
          'REMEDY_NOT_FULFILLED',
          `The remedy is ${remedy.status}: the company has not recorded it yet`,
          { remedyStatus: remedy.status },
        );
      }
      await this.remedies.recordConfirmation(manager, remedyId, {
        result: body.result,
        by: actor.sub,
        note: body.note ?? null,
      });
      const type = body.result === 'confirmed' ? 'remedy.confirmed' : 'remedy.disputed';
      await this.recorder.record(manager, c, {
        actor: namedRef(actor),
        // A dispute is the company's business too: it must look again at what it recorded.
        timeline: {
          type,
          audience: body.result === 'confirmed' ? 'office' : 'company',
          body: body.note,
          data: { remedyId },
        },
        audit: {
          action: type,
          before: { remedyId, confirmation: remedy.confirmation },
          after: { remedyId, confirmation: body.result, note: body.note ?? null },
        },
        event: { type, payload: { remedyId, note: body.note ?? null } },
      });
      return toStaffRemedy(
        foundRemedy(await this.remedies.find(manager, caseId, remedyId), remedyId),
      );
    });
  }

  /** A settlement closes as `settled`; an accepted decision closes with its finding. */
  private async completionOf(
    manager: EntityManager,
    remedy: RemedyRow,
  ): Promise<TransitionContext> {
    if (remedy.source === 'proposal') return { settledByMediation: true };
    const finding = await this.remedies.findingOfDecision(manager, remedy.source_id);
    return { finding: finding ?? undefined };
  }
}
