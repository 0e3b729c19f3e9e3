import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DeadlineEntity, DeadlineKind, DeadlineParty } from './deadline.entity';

export interface NewDeadline {
  readonly caseId: string;
  readonly kind: DeadlineKind;
  readonly party: DeadlineParty;
  readonly startedAt: Date;
  readonly dueAt: Date;
  /** The information request or remedy the deadline belongs to. */
  readonly subjectId?: string;
}

/** A deadline as every view shows it (DESIGN §7: kind, party, dueAt, paused, breached, metAt). */
export interface DeadlineView {
  readonly kind: DeadlineKind;
  readonly party: DeadlineParty;
  readonly dueAt: string;
  readonly paused: boolean;
  readonly breached: boolean;
  readonly metAt: string | null;
}

@Injectable()
export class DeadlinesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async open(manager: EntityManager, deadline: NewDeadline): Promise<void> {
    await manager.query(
      `INSERT INTO case_deadline (case_id, kind, party, started_at, due_at, subject_id)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        deadline.caseId,
        deadline.kind,
        deadline.party,
        deadline.startedAt,
        deadline.dueAt,
        deadline.subjectId ?? null,
      ],
    );
  }

  /** Marks the open deadlines of these kinds as met now; met ones keep their first time. */
  async meet(
    manager: EntityManager,
    caseId: string,
    kinds: readonly DeadlineKind[],
  ): Promise<void> {
    await manager.query(
      `UPDATE case_deadline SET met_at = now() WHERE case_id = $1 AND kind = ANY($2) AND met_at IS NULL`,
      [caseId, kinds],
    );
  }

  async meetSubject(manager: EntityManager, subjectId: string): Promise<void> {
    await manager.query(
      'UPDATE case_deadline SET met_at = now() WHERE subject_id = $1 AND met_at IS NULL',
      [subjectId],
    );
  }

  async listForCase(
    caseId: string,
    now = new Date(),
    manager?: EntityManager,
  ): Promise<DeadlineView[]> {
    const rows = await (manager ?? this.dataSource.manager)
      .getRepository(DeadlineEntity)
      .find({ where: { caseId }, order: { dueAt: 'ASC' } });
    return rows.map((row) => toView(row, now));
  }
}

export function toView(row: DeadlineEntity, now: Date): DeadlineView {
  const missed = row.metAt ? row.metAt > row.dueAt : row.dueAt < now && !row.pausedSince;
  return {
    kind: row.kind,
    party: row.party,
    dueAt: row.dueAt.toISOString(),
    paused: row.pausedSince !== null,
    breached: row.breachedAt !== null || missed,
    metAt: row.metAt?.toISOString() ?? null,
  };
}
