import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { StaffActor, namedRef } from '../auth/actor';
import { DomainError } from '../common/errors/domain-error';
import { LockedCase, lockCase, requireCommand } from '../cases/case-lock';
import { RemedyLedgerService } from '../compensation/remedy-ledger.service';
import { RemediesRepository } from '../compensation/remedies.repository';
import { groupBySource } from '../compensation/remedy-rows';
import { decisionContentHash } from './decision-hash';
import { DecisionPublicationService } from './decision-publication.service';
import { currentDecision, DecisionRow, toStaffDecision } from './decision-read';
import { DecisionsRepository } from './decisions.repository';
import { IssueDecisionDto, ReviseDecisionDto } from './dto/decision-requests.dto';
import { StaffDecisionDto } from './dto/decision-view.dto';
import { CaseRecorder } from '../cases/case-recorder';

/**
 * Issuing and revising the decisions of an ombudsman (the customer's answer is
 * DecisionAnswersService's, decision-answers.service.ts). An issued revision is never changed (the table
 * refuses it); a correction is a new revision with a reason, and each revision's content hash is
 * written to the case's audit chain.
 */
@Injectable()
export class DecisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recorder: CaseRecorder,
    private readonly ledger: RemedyLedgerService,
    private readonly publication: DecisionPublicationService,
    private readonly decisions: DecisionsRepository,
    private readonly remedies: RemediesRepository,
  ) {}

  issue(caseId: string, body: IssueDecisionDto, actor: StaffActor): Promise<StaffDecisionDto> {
    this.validate(body);
    return this.dataSource.transaction(async (manager) => {
      const c = await lockCase(manager, caseId);
      requireCommand(c, 'issue_decision', 'decided');
      const existing = await this.decisions.ofCase(caseId, manager);
      if (existing.length > 0) {
        throw new DomainError(
          'DECISION_EXISTS',
          `Case ${c.reference} already has a decision; a correction is a revision`,
          { currentStatus: c.status },
        );
      }
      const row = await this.draft(manager, c, body, null, actor);
      if (row.status === 'issued')
        await this.publication.publishFirst(manager, c, row, namedRef(actor));
      return this.staffView(manager, c);
    });
  }

  revise(caseId: string, body: ReviseDecisionDto, actor: StaffActor): Promise<StaffDecisionDto> {
    this.validate(body);
    return this.dataSource.transaction(async (manager) => {
      const c = await lockCase(manager, caseId);
      requireCommand(c, 'revise_decision', 'given a revised decision');
      const rows = await this.decisions.ofCase(caseId, manager);
      if (rows.some((r) => r.status === 'awaiting_approval')) {
        throw new DomainError(
          'DECISION_DRAFT_PENDING',
          'A revision is waiting for approval; issue it before revising again',
        );
      }
      const current = currentDecision(rows);
      if (!current) throw new DomainError('DECISION_NOT_FOUND', 'No decision to revise');
      // After the last revision drafted, superseded ones included: revision numbers are unique.
      const next = rows[rows.length - 1].revision + 1;
      const row = await this.draft(manager, c, body, body.reason, actor, next);
      if (row.status === 'issued')
        await this.publication.publishRevision(manager, c, row, current, namedRef(actor));
      return this.staffView(manager, c);
    });
  }

  /** Issues the revision that waited for approval of its remedies. */
  issuePending(caseId: string, actor: StaffActor): Promise<StaffDecisionDto> {
    return this.dataSource.transaction(async (manager) => {
      const c = await lockCase(manager, caseId);
      const rows = await this.decisions.ofCase(caseId, manager);
      const pending = rows.find((r) => r.status === 'awaiting_approval');
      if (!pending) {
        throw new DomainError('DECISION_NOT_AWAITING_APPROVAL', 'No decision awaits issuing');
      }
      requireCommand(c, pending.revision === 1 ? 'issue_decision' : 'revise_decision', 'decided');
      await this.ledger.requireApproved(manager, pending.id);
      const row = await this.decisions.issue(manager, pending.id, actor.sub);
      if (!row)
        throw new DomainError('DECISION_NOT_AWAITING_APPROVAL', 'No decision awaits issuing');
      const previous = currentDecision(rows);
      if (previous)
        await this.publication.publishRevision(manager, c, row, previous, namedRef(actor));
      else await this.publication.publishFirst(manager, c, row, namedRef(actor));
      return this.staffView(manager, c);
    });
  }

  async read(caseId: string, reference: string): Promise<StaffDecisionDto> {
    const rows = await this.decisions.ofCase(caseId);
    if (rows.length === 0)
      throw new DomainError('DECISION_NOT_FOUND', `No decision on ${reference}`);
    return this.staffView(this.dataSource.manager, { id: caseId, reference });
  }

  private validate(body: IssueDecisionDto): void {
    this.ledger.validate(body.remedies);
    if (body.finding === 'not_upheld' && body.remedies.length > 0) {
      throw new DomainError('REMEDY_INVALID', 'A not_upheld decision awards no remedies', {}, [
        { field: 'remedies', message: 'must be empty when the finding is not_upheld' },
      ]);
    }
  }

  /** Writes the revision: issued at once, or awaiting approval when a remedy needs it. */
  private async draft(
    manager: EntityManager,
    c: LockedCase,
    body: IssueDecisionDto,
    revisionReason: string | null,
    actor: StaffActor,
    revision = 1,
  ): Promise<DecisionRow> {
    const needsApproval = this.ledger.approvalsNeeded(body.remedies, 'ombudsman').some((n) => n);
    const contentHash = decisionContentHash({
      caseId: c.id,
      revision,
      finding: body.finding,
      reasoning: body.reasoning,
      revisionReason,
      remedies: body.remedies,
    });
    const row = await this.decisions.insert(manager, {
      caseId: c.id,
      revision,
      status: needsApproval ? 'awaiting_approval' : 'issued',
      finding: body.finding,
      reasoning: body.reasoning,
      revisionReason,
      draftedBy: actor.sub,
      draftedByName: actor.name ?? null,
      contentHash,
    });
    await this.ledger.add(manager, c.id, 'decision', row.id, body.remedies, {
      sub: actor.sub,
      role: 'ombudsman',
    });
    if (needsApproval) {
      await this.recorder.record(manager, c, {
        actor: namedRef(actor),
        audit: {
          action: 'decision.drafted',
          after: { decisionId: row.id, revision, contentHash, status: 'awaiting_approval' },
        },
        event: { type: 'decision.awaiting_approval', payload: { decisionId: row.id, revision } },
      });
    }
    return row;
  }

  private async staffView(
    manager: EntityManager,
    c: { id: string; reference: string },
  ): Promise<StaffDecisionDto> {
    const [rows, remedies] = await Promise.all([
      this.decisions.ofCase(c.id, manager),
      this.remedies.ofCaseFrom(c.id, 'decision', manager),
    ]);
    const bySource = groupBySource(remedies);
    return toStaffDecision(c.reference, rows, (id) => bySource.get(id) ?? []);
  }
}
