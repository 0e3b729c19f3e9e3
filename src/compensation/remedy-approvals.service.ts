import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { StaffActor, namedRef } from '../auth/actor';
import { DomainError } from '../common/errors/domain-error';
import { ApprovalRefusal, checkApproval } from './authority-limits';
import { lockCase } from '../cases/case-lock';
import { RemedyApprovedDto } from './dto/remedy.dto';
import { foundRemedy } from './compensation.errors';
import { RemediesRepository } from './remedies.repository';
import { RemedyApprovalsRepository } from './remedy-approvals.repository';
import { toStaffRemedy } from './remedy-rows';
import { CaseRecorder } from '../cases/case-recorder';

const REFUSALS: Record<ApprovalRefusal, () => DomainError> = {
  not_ombudsman: () =>
    new DomainError(
      'REMEDY_ABOVE_AUTHORITY',
      'Remedies above an officer’s authority limit are approved by an ombudsman',
    ),
  self_approval: () =>
    new DomainError('REMEDY_SELF_APPROVAL', 'You proposed this remedy: someone else must approve'),
  already_approved: () =>
    new DomainError('REMEDY_ALREADY_APPROVED', 'You have already approved this remedy'),
  not_needed: () =>
    new DomainError('REMEDY_APPROVAL_NOT_NEEDED', 'The remedy has all the approvals it needs'),
};

/** Approvals above the authority limits: four eyes above limit B, never the proposer's own. */
@Injectable()
export class RemedyApprovalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recorder: CaseRecorder,
    private readonly remedies: RemediesRepository,
    private readonly approvals: RemedyApprovalsRepository,
  ) {}

  approve(caseId: string, remedyId: string, actor: StaffActor): Promise<RemedyApprovedDto> {
    return this.dataSource.transaction(async (manager) => {
      // The case lock makes concurrent approvals of one remedy count one after the other.
      const c = await lockCase(manager, caseId);
      const remedy = foundRemedy(await this.remedies.find(manager, caseId, remedyId), remedyId);
      if (remedy.status === 'superseded') {
        throw new DomainError(
          'REMEDY_SUPERSEDED',
          'The remedy belongs to an offer or decision revision that was superseded',
          { remedyStatus: remedy.status },
        );
      }
      if (remedy.status !== 'proposed') {
        throw new DomainError(
          'REMEDY_APPROVAL_NOT_NEEDED',
          `The remedy is ${remedy.status}: there is nothing to approve`,
          { remedyStatus: remedy.status },
        );
      }
      const refusal = checkApproval({
        approver: actor.sub,
        approverIsOmbudsman: actor.roles.includes('ombudsman'),
        proposedBy: remedy.proposed_by,
        required: remedy.approvals_required,
        approvedBy: remedy.approvals.map((a) => a.approver),
      });
      if (refusal) throw REFUSALS[refusal]();
      const approvalId = await this.approvals.addApproval(
        manager,
        remedyId,
        actor.sub,
        actor.name ?? null,
      );
      const given = remedy.approvals.length + 1;
      const facts = {
        remedyId,
        approvalId,
        approvalsGiven: given,
        approvalsRequired: remedy.approvals_required,
      };
      await this.recorder.record(manager, c, {
        actor: namedRef(actor),
        timeline: { type: 'remedy.approved', audience: 'office', data: facts },
        audit: {
          action: 'remedy.approved',
          before: { remedyId, approvalsGiven: given - 1 },
          after: facts,
        },
        event: { type: 'remedy.approved', payload: facts },
      });
      const approved = foundRemedy(await this.remedies.find(manager, caseId, remedyId), remedyId);
      return { ...toStaffRemedy(approved), approvalId };
    });
  }
}
