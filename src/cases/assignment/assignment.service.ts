import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { StaffActor, personalName, namedRef } from '../../auth/actor';
import { StaffNames } from '../../auth/staff-names';
import { DomainError } from '../../common/errors/domain-error';
import { CaseEntity } from '../case.entity';
import { mayApply, statusesFor } from '../case-lifecycle';
import { CaseTransitionsService } from '../case-transitions.service';
import { conflictOfInterest, invalidTransition, versionMismatch } from '../cases.errors';
import {
  ConflictDeclarationsRepository,
  DeclarationRow,
} from '../conflicts/conflict-declarations.repository';
import { AssignCaseDto, ConflictDeclarationDto, DeclareConflictDto } from '../dto/assign-case.dto';
import { CaseRecorder } from '../case-recorder';
import { CasesRepository } from '../cases.repository';

function toDeclaration(
  c: CaseEntity,
  row: DeclarationRow,
  unassigned: boolean,
): ConflictDeclarationDto {
  return {
    id: row.id,
    reference: c.reference,
    staffId: row.staffId,
    reason: row.reason,
    declaredBy: row.declaredBy,
    declaredAt: row.declaredAt.toISOString(),
    unassigned,
  };
}

/**
 * Who handles a case. Independence is enforced here: the agent who handled the front-line
 * complaint, and anyone who declared a conflict, can never be assigned.
 */
@Injectable()
export class AssignmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recorder: CaseRecorder,
    private readonly transitions: CaseTransitionsService,
    private readonly conflicts: ConflictDeclarationsRepository,
    private readonly cases: CasesRepository,
    private readonly staff: StaffNames,
  ) {}

  assign(
    c: CaseEntity,
    body: AssignCaseDto,
    actor: StaffActor,
    expectedVersion?: number,
  ): Promise<void> {
    this.checkAuthority(c, body, actor);
    return this.dataSource.transaction(async (manager) => {
      await this.refuseConflicts(manager, c, body.officerId);
      const officerName = await this.officerName(manager, body, actor);
      const assigned = await this.cases.assign(
        manager,
        c.id,
        { id: body.officerId, name: officerName },
        expectedVersion ?? c.version,
        statusesFor('assign'),
      );
      if (!assigned) await this.explainMiss(manager, c, expectedVersion);
      const who = namedRef(actor);
      await this.recorder.record(manager, c, {
        actor: who,
        timeline: { type: 'case.assigned', audience: 'customer', data: { officerName } },
        audit: {
          action: 'case.assigned',
          before: { officerId: c.assignedOfficerId },
          after: { officerId: body.officerId, officerName },
        },
        event: { type: 'case.assigned', payload: { officerId: body.officerId } },
      });
      if (c.status === 'accepted') {
        await this.transitions.apply(
          { caseId: c.id, command: 'start_investigation', actor: who },
          manager,
        );
      }
    });
  }

  /**
   * Records a conflict; a member of staff who held the case is released from it at once. Declaring
   * the same conflict again answers the declaration already on record and changes nothing.
   */
  declareConflict(
    c: CaseEntity,
    body: DeclareConflictDto,
    actor: StaffActor,
  ): Promise<ConflictDeclarationDto> {
    const staffId = body.staffId ?? actor.sub;
    if (staffId !== actor.sub && !actor.roles.includes('ombudsman')) {
      throw new DomainError(
        'CASE_ROLE_FORBIDDEN',
        'Only an ombudsman may record a conflict for a colleague',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      // The route is open to conflicted staff so they can declare their own; not a colleague's.
      if (
        staffId !== actor.sub &&
        (await this.conflicts.declaredOn(c.reference, actor.sub, manager))
      ) {
        throw conflictOfInterest(c.reference);
      }
      const inserted = await this.conflicts.insert(manager, {
        caseId: c.id,
        staffId,
        reason: body.reason,
        declaredBy: actor.sub,
      });
      if (!inserted) return toDeclaration(c, await this.declaration(manager, c.id, staffId), false);
      // Someone with a conflict must not keep the case.
      const unassigned = await this.cases.releaseFrom(manager, c.id, staffId);
      await this.recorder.record(manager, c, {
        actor: namedRef(actor),
        timeline: {
          type: 'conflict.declared',
          audience: 'office',
          body: body.reason,
          data: { staffId, unassigned },
        },
        audit: {
          action: 'conflict.declared',
          after: { declarationId: inserted.id, staffId, reason: body.reason, unassigned },
        },
        // The event says the case needs a handler again, never why: conflicts stay in the office.
        event: unassigned
          ? { type: 'case.unassigned', payload: { officerId: staffId } }
          : undefined,
      });
      return toDeclaration(c, inserted, unassigned);
    });
  }

  private async declaration(
    manager: EntityManager,
    caseId: string,
    staffId: string,
  ): Promise<DeclarationRow> {
    const row = await this.conflicts.find(manager, caseId, staffId);
    // The insert just met this row on the unique key, and declarations are never deleted.
    if (row === null) throw new Error(`conflict declaration of ${staffId} on ${caseId} vanished`);
    return row;
  }

  /**
   * The name the customer will read: the one given, else the officer's own (from their token or
   * the staff directory), else null, which the customer reads as neutral words. Never the id.
   */
  private async officerName(
    manager: EntityManager,
    body: AssignCaseDto,
    actor: StaffActor,
  ): Promise<string | null> {
    if (body.officerName !== undefined && body.officerName.trim() !== '') return body.officerName;
    if (body.officerId === actor.sub) return personalName(actor) ?? null;
    return this.staff.knownName(body.officerId, manager);
  }

  /** Officers may take an unassigned case for themselves; assigning others is the ombudsman's. */
  private checkAuthority(c: CaseEntity, body: AssignCaseDto, actor: StaffActor): void {
    if (actor.roles.includes('ombudsman')) return;
    if (body.officerId !== actor.sub) {
      throw new DomainError(
        'CASE_ROLE_FORBIDDEN',
        'An officer may only take a case for themselves',
      );
    }
    if (c.assignedOfficerId && c.assignedOfficerId !== actor.sub) {
      throw new DomainError(
        'CASE_ALREADY_ASSIGNED',
        `Case ${c.reference} is already handled by someone else`,
        {
          assignedOfficerId: c.assignedOfficerId,
        },
      );
    }
  }

  private async refuseConflicts(
    manager: EntityManager,
    c: CaseEntity,
    officerId: string,
  ): Promise<void> {
    if (c.frontlineAgentId && c.frontlineAgentId === officerId) {
      throw new DomainError(
        'CASE_CONFLICT_OF_INTEREST',
        `${officerId} handled the front-line complaint ${c.complaintReference} and cannot handle this case`,
      );
    }
    if (await this.conflicts.declared(manager, c.id, officerId)) {
      throw new DomainError(
        'CASE_CONFLICT_OF_INTEREST',
        `${officerId} declared a conflict of interest on this case`,
      );
    }
  }

  private async explainMiss(
    manager: EntityManager,
    c: CaseEntity,
    expectedVersion?: number,
  ): Promise<never> {
    const now = await this.cases.state(manager, c.id);
    if (now === undefined) throw new Error(`case ${c.reference} vanished while being assigned`);
    if (!mayApply(now.status, 'assign')) {
      throw invalidTransition(c.reference, now.status, 'assigned');
    }
    if (expectedVersion !== undefined) throw versionMismatch(c.reference, now.version);
    throw new DomainError(
      'CONFLICT',
      `Case ${c.reference} changed while you assigned it; read it again`,
      {
        currentStatus: now.status,
      },
    );
  }
}
