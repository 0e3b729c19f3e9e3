import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { StaffActor, namedRef, RecordedActor } from '../auth/actor';
import { CaseTransitions } from '../cases/case-transitions.service';
import { DomainError } from '../common/errors/domain-error';
import { LockedCase, lockCase, requireCommand } from '../cases/case-lock';
import { RemedyLedger } from '../compensation/remedy-ledger.service';
import { remediesWhere } from '../compensation/remedy-rows';
import { groupBySource } from '../compensation/remedy-rows';
import { ProposalClosure } from '../mediation/proposal-closure';
import { DeadlinesService } from '../sla/deadlines.service';
import { SlaPolicies } from '../sla/policies/sla-policies.service';
import { decisionContentHash } from './decision-hash';
import { currentDecision, DecisionRow, decisionsOfCase, toStaffDecision } from './decision-read';
import { IssueDecisionDto, ReviseDecisionDto } from './dto/decision-requests.dto';
import { StaffDecisionDto } from './dto/decision-view.dto';
import { StrandedRevisions } from './stranded-revisions';
import { CaseRecorder } from '../cases/case-recorder';

export type DecisionAnswer = 'accepted' | 'rejected';

/**
 * Decisions of an ombudsman and their revisions. An issued revision is never changed (the table
 * refuses it); a correction is a new revision with a reason, and each revision's content hash is
 * written to the case's audit chain.
 */
@Injectable()
export class DecisionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recorder: CaseRecorder,
    private readonly transitions: CaseTransitions,
    private readonly ledger: RemedyLedger,
    private readonly deadlines: DeadlinesService,
    private readonly policies: SlaPolicies,
    private readonly proposals: ProposalClosure,
    private readonly stranded: StrandedRevisions,
  ) {}

  issue(caseId: string, body: IssueDecisionDto, actor: StaffActor): Promise<StaffDecisionDto> {
    this.validate(body);
    return this.dataSource.transaction(async (manager) => {
      const c = await lockCase(manager, caseId);
      requireCommand(c, 'issue_decision', 'decided');
      const existing = await decisionsOfCase(manager, caseId);
      if (existing.length > 0) {
        throw new DomainError(
          'DECISION_EXISTS',
          `Case ${c.reference} already has a decision; a correction is a revision`,
          { currentStatus: c.status },
        );
      }
      const row = await this.draft(manager, c, body, null, actor);
      if (row.status === 'issued') await this.publishFirst(manager, c, row, namedRef(actor));
      return this.staffView(manager, c);
    });
  }

  revise(caseId: string, body: ReviseDecisionDto, actor: StaffActor): Promise<StaffDecisionDto> {
    this.validate(body);
    return this.dataSource.transaction(async (manager) => {
      const c = await lockCase(manager, caseId);
      requireCommand(c, 'revise_decision', 'given a revised decision');
      const rows = await decisionsOfCase(manager, caseId);
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
        await this.publishRevision(manager, c, row, current, namedRef(actor));
      return this.staffView(manager, c);
    });
  }

  /** Issues the revision that waited for approval of its remedies. */
  issuePending(caseId: string, actor: StaffActor): Promise<StaffDecisionDto> {
    return this.dataSource.transaction(async (manager) => {
      const c = await lockCase(manager, caseId);
      const rows = await decisionsOfCase(manager, caseId);
      const pending = rows.find((r) => r.status === 'awaiting_approval');
      if (!pending) {
        throw new DomainError('DECISION_NOT_AWAITING_APPROVAL', 'No decision awaits issuing');
      }
      requireCommand(c, pending.revision === 1 ? 'issue_decision' : 'revise_decision', 'decided');
      await this.ledger.requireApproved(manager, pending.id);
      const [issued] = (await manager.query(
        `UPDATE case_decision SET status = 'issued', issued_at = now(), issued_by = $2
          WHERE id = $1 AND status = 'awaiting_approval' RETURNING *`,
        [pending.id, actor.sub],
      )) as [DecisionRow[], number];
      const row = { ...issued[0], answer: null, answered_at: null };
      const previous = currentDecision(rows);
      if (previous) await this.publishRevision(manager, c, row, previous, namedRef(actor));
      else await this.publishFirst(manager, c, row, namedRef(actor));
      return this.staffView(manager, c);
    });
  }

  /**
   * The customer's answer. Accepting binds the company: the remedies become owed (or the case
   * closes, when nothing was upheld). Rejecting closes the case; the customer keeps the courts.
   */
  answer(
    caseId: string,
    answer: DecisionAnswer,
    by: RecordedActor,
    reason?: string,
  ): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const c = await lockCase(manager, caseId);
      requireCommand(c, answer === 'accepted' ? 'accept_decision' : 'reject_decision', 'answered');
      const rows = await decisionsOfCase(manager, caseId);
      const current = currentDecision(rows);
      if (!current) throw new DomainError('DECISION_NOT_FOUND', 'No decision to answer');
      await manager.query(
        `INSERT INTO decision_answer (decision_id, case_id, answer, reason) VALUES ($1, $2, $3, $4)`,
        [current.id, caseId, answer, reason ?? null],
      );
      const details = { decisionId: current.id, revision: current.revision };
      const moved = await this.transitions.apply(
        {
          caseId,
          command: answer === 'accepted' ? 'accept_decision' : 'reject_decision',
          actor: by,
          context: { finding: current.finding },
          reason,
          details,
        },
        manager,
      );
      await this.deadlines.meet(manager, caseId, ['decision_answer']);
      const facts = { ...details, answer, finding: current.finding };
      await this.recorder.record(manager, c, {
        actor: by,
        audit: {
          action: 'decision.answered',
          after: { ...facts, reason: reason ?? null, contentHash: current.content_hash },
        },
        event: { type: 'decision.answered', payload: facts },
      });
      await this.stranded.close(manager, c, rows, { revision: current.revision, answer }, by);
      if (moved.to === 'fulfilment') {
        await this.ledger.bind(manager, c, current.id, by, { finding: current.finding });
      } else {
        await this.ledger.supersede(manager, [current.id]);
      }
    });
  }

  async read(caseId: string, reference: string): Promise<StaffDecisionDto> {
    const rows = await decisionsOfCase(this.dataSource.manager, caseId);
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
    const [row] = (await manager.query(
      `INSERT INTO case_decision (case_id, revision, status, finding, reasoning, revision_reason,
                                  drafted_by, drafted_by_name, issued_by, issued_at, content_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $3 = 'issued' THEN now() END, $10)
       RETURNING *`,
      [
        c.id,
        revision,
        needsApproval ? 'awaiting_approval' : 'issued',
        body.finding,
        body.reasoning,
        revisionReason,
        actor.sub,
        actor.name ?? null,
        needsApproval ? null : actor.sub,
        contentHash,
      ],
    )) as DecisionRow[];
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
    return { ...row, answer: null, answered_at: null };
  }

  private async publishFirst(
    manager: EntityManager,
    c: LockedCase,
    row: DecisionRow,
    by: RecordedActor,
  ): Promise<void> {
    // A decision ends mediation: proposals still on the table lapse with their remedies.
    await this.proposals.closeLive(manager, c);
    const facts = {
      decisionId: row.id,
      revision: row.revision,
      finding: row.finding,
      contentHash: row.content_hash,
    };
    await this.transitions.apply(
      { caseId: c.id, command: 'issue_decision', actor: by, details: facts },
      manager,
    );
    const now = new Date();
    await this.deadlines.open(manager, {
      caseId: c.id,
      kind: 'decision_answer',
      party: 'customer',
      startedAt: now,
      dueAt: await this.policies.dueAt('decision_answer', now, manager),
      subjectId: row.id,
    });
    await this.recorder.record(manager, c, {
      actor: by,
      timeline: {
        type: 'decision.issued',
        audience: 'everyone',
        data: { decisionId: row.id, revision: row.revision, finding: row.finding },
      },
      audit: { action: 'decision.issued', after: facts },
      event: { type: 'decision.issued', payload: facts },
    });
  }

  private async publishRevision(
    manager: EntityManager,
    c: LockedCase,
    row: DecisionRow,
    previous: DecisionRow,
    by: RecordedActor,
  ): Promise<void> {
    await this.ledger.supersede(manager, [previous.id]);
    const facts = {
      decisionId: row.id,
      revision: row.revision,
      finding: row.finding,
      contentHash: row.content_hash,
      previousRevision: previous.revision,
      previousContentHash: previous.content_hash,
    };
    await this.recorder.record(manager, c, {
      actor: by,
      timeline: {
        type: 'decision.revised',
        audience: 'everyone',
        body: row.revision_reason ?? undefined,
        data: { decisionId: row.id, revision: row.revision, finding: row.finding },
      },
      audit: {
        action: 'decision.revised',
        before: { decisionId: previous.id, revision: previous.revision },
        after: { ...facts, reason: row.revision_reason },
      },
      event: { type: 'decision.revised', payload: facts },
    });
  }

  private async staffView(
    manager: EntityManager,
    c: { id: string; reference: string },
  ): Promise<StaffDecisionDto> {
    const [rows, remedies] = await Promise.all([
      decisionsOfCase(manager, c.id),
      remediesWhere(manager, `r.case_id = $1 AND r.source = 'decision'`, [c.id]),
    ]);
    const bySource = groupBySource(remedies);
    return toStaffDecision(c.reference, rows, (id) => bySource.get(id) ?? []);
  }
}
