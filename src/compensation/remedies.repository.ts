import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Finding } from '../cases/case-lifecycle';
import { sqlList, sqlValue } from '../common/sql-literal';
import {
  changedRowsOf,
  firstRowOf,
  insertedRowOf,
  integer,
  oneOf,
  rowsOf,
  text,
  textOrNull,
  timestamp,
} from '../common/sql-rows';
import { remedyStatesFor, remedyTarget } from './remedy-lifecycle';
import { RemedyRow, toRemedyRow } from './remedy-rows';
import { RemedySource, RemedyType } from './remedy-types';

const FINDINGS: readonly Finding[] = ['upheld', 'partially_upheld', 'not_upheld'];

const REMEDY_SELECT = `
  SELECT r.id, r.case_id, c.reference AS case_reference, r.source, r.source_id, r.type,
         r.amount_minor::text AS amount_minor, r.currency, r.description, r.status, r.proposed_by,
         r.approvals_required, r.created_at, r.due_at, r.fulfilled_at, r.payment_reference,
         r.fulfilled_by, r.fulfilment_note, r.confirmation, r.confirmation_note,
         to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_key,
         to_char(r.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS due_key,
         COALESCE((SELECT json_agg(json_build_object('id', a.id, 'approver', a.approver,
                     'approver_name', a.approver_name, 'created_at', a.created_at)
                     ORDER BY a.created_at, a.approver)
                     FROM remedy_approval a WHERE a.remedy_id = r.id), '[]') AS approvals
    FROM remedy r JOIN ombudsman_case c ON c.id = r.case_id`;
const ORDER = 'ORDER BY r.created_at, r.position, r.id';

export interface NewRemedy {
  readonly caseId: string;
  readonly source: RemedySource;
  readonly sourceId: string;
  readonly position: number;
  readonly type: RemedyType;
  readonly amountMinor: number | null;
  readonly currency: string | null;
  readonly description: string;
  readonly proposedBy: string;
  readonly approvalsRequired: number;
}

/** A remedy that has just become owed. */
export interface BoundRemedy {
  readonly id: string;
  readonly type: string;
  readonly amountMinor: string | null;
  readonly currency: string | null;
  readonly dueAt: Date;
}

/** Keyset filters of the staff list of remedies across cases. */
export type RemedyListFilter =
  | { readonly overdue: true; readonly after?: readonly [dueAt: string, id: string] }
  | {
      readonly overdue: false;
      readonly status?: string;
      readonly before?: readonly [createdAt: string, id: string];
    };

/** The SQL of remedies and their approvals (tables remedy, remedy_approval). */
@Injectable()
export class RemediesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, remedy: NewRemedy): Promise<string> {
    return insertedRowOf(
      await manager.query(
        `INSERT INTO remedy (case_id, source, source_id, position, type, amount_minor, currency,
                             description, proposed_by, approvals_required)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          remedy.caseId,
          remedy.source,
          remedy.sourceId,
          remedy.position,
          remedy.type,
          remedy.amountMinor,
          remedy.currency,
          remedy.description,
          remedy.proposedBy,
          remedy.approvalsRequired,
        ],
      ),
      (row) => text(row, 'id'),
    );
  }

  async supersede(manager: EntityManager, sourceIds: readonly string[]): Promise<void> {
    if (sourceIds.length === 0) return;
    await manager.query(
      `UPDATE remedy SET status = ${sqlValue(remedyTarget('supersede'))}
        WHERE source_id = ANY($1) AND status IN ${sqlList(remedyStatesFor('supersede'))}`,
      [sourceIds],
    );
  }

  /** The source's proposed remedies become owed, due at `dueAt`. */
  async bind(manager: EntityManager, sourceId: string, dueAt: Date): Promise<BoundRemedy[]> {
    return changedRowsOf(
      await manager.query(
        `UPDATE remedy
            SET status = ${sqlValue(remedyTarget('bind'))}, bound_at = now(), due_at = $2
          WHERE source_id = $1 AND status IN ${sqlList(remedyStatesFor('bind'))}
          RETURNING id, type, amount_minor::text AS amount_minor, currency, due_at`,
        [sourceId, dueAt],
      ),
      (row) => ({
        id: text(row, 'id'),
        type: text(row, 'type'),
        amountMinor: textOrNull(row, 'amount_minor'),
        currency: textOrNull(row, 'currency'),
        dueAt: timestamp(row, 'due_at'),
      }),
    );
  }

  /** How many remedies of the case are still owed. */
  async countOwed(manager: EntityManager, caseId: string): Promise<number> {
    const open = firstRowOf(
      await manager.query(
        `SELECT count(*)::int AS open FROM remedy
          WHERE case_id = $1 AND status IN ${sqlList(remedyStatesFor('fulfil'))}`,
        [caseId],
      ),
      (row) => integer(row, 'open'),
    );
    return open ?? 0;
  }

  async recordFulfilment(
    manager: EntityManager,
    remedyId: string,
    fulfilment: {
      fulfilledAt: Date;
      paymentReference: string | null;
      by: string;
      note: string;
    },
  ): Promise<void> {
    await manager.query(
      `UPDATE remedy
          SET status = ${sqlValue(remedyTarget('fulfil'))}, fulfilled_at = $2, payment_reference = $3,
              fulfilled_by = $4, fulfilment_note = $5, recorded_at = now()
        WHERE id = $1 AND status IN ${sqlList(remedyStatesFor('fulfil'))}`,
      [
        remedyId,
        fulfilment.fulfilledAt,
        fulfilment.paymentReference,
        fulfilment.by,
        fulfilment.note,
      ],
    );
  }

  async recordConfirmation(
    manager: EntityManager,
    remedyId: string,
    confirmation: { result: string; by: string; note: string | null },
  ): Promise<void> {
    await manager.query(
      `UPDATE remedy SET confirmation = $2, confirmed_by = $3, confirmed_at = now(),
                         confirmation_note = $4
        WHERE id = $1`,
      [remedyId, confirmation.result, confirmation.by, confirmation.note],
    );
  }

  /** A remedy of this case; null for a remedy id of another case. */
  async find(manager: EntityManager, caseId: string, remedyId: string): Promise<RemedyRow | null> {
    return firstRowOf(
      await manager.query(`${REMEDY_SELECT} WHERE r.id = $1 AND r.case_id = $2 ${ORDER}`, [
        remedyId,
        caseId,
      ]),
      toRemedyRow,
    );
  }

  async ofCase(caseId: string, manager = this.dataSource.manager): Promise<RemedyRow[]> {
    return rowsOf(
      await manager.query(`${REMEDY_SELECT} WHERE r.case_id = $1 ${ORDER}`, [caseId]),
      toRemedyRow,
    );
  }

  /** The case's remedies of proposals, or of decision revisions. */
  async ofCaseFrom(
    caseId: string,
    source: RemedySource,
    manager = this.dataSource.manager,
  ): Promise<RemedyRow[]> {
    return rowsOf(
      await manager.query(`${REMEDY_SELECT} WHERE r.case_id = $1 AND r.source = $2 ${ORDER}`, [
        caseId,
        source,
      ]),
      toRemedyRow,
    );
  }

  async ofSource(manager: EntityManager, sourceId: string): Promise<RemedyRow[]> {
    return rowsOf(
      await manager.query(`${REMEDY_SELECT} WHERE r.source_id = $1 ${ORDER}`, [sourceId]),
      toRemedyRow,
    );
  }

  /**
   * Overdue: owed remedies past their deadline, oldest deadline first (ix_remedy_due). Otherwise
   * every remedy, newest first, optionally of one status. `limit` rows at most.
   */
  async list(filter: RemedyListFilter, limit: number): Promise<RemedyRow[]> {
    const params: unknown[] = [limit];
    const where: string[] = [];
    let order: string;
    if (filter.overdue) {
      where.push(`r.status = 'due'`, `r.due_at < now()`);
      if (filter.after) {
        params.push(...filter.after);
        where.push(`(r.due_at, r.id) > ($2::timestamptz, $3::uuid)`);
      }
      order = 'r.due_at ASC, r.id ASC';
    } else {
      if (filter.status) {
        params.push(filter.status);
        where.push(`r.status = $${params.length}`);
      }
      if (filter.before) {
        params.push(...filter.before);
        where.push(
          `(r.created_at, r.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
        );
      }
      order = 'r.created_at DESC, r.id DESC';
    }
    const sql = `${REMEDY_SELECT}
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${order} LIMIT $1`;
    return rowsOf(await this.dataSource.query(sql, params), toRemedyRow);
  }

  /**
   * The finding of the decision revision a remedy came from. Compensation sits below decisions
   * (docs/architecture.md), so it reads the one column it needs instead of importing them.
   */
  async findingOfDecision(manager: EntityManager, decisionId: string): Promise<Finding | null> {
    return firstRowOf(
      await manager.query('SELECT finding FROM case_decision WHERE id = $1', [decisionId]),
      (row) => oneOf(row, 'finding', FINDINGS),
    );
  }
}
