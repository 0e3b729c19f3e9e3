import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { firstRowOf, RawRow, rowsOf, text, timestamp } from '../../common/sql-rows';

/** One declaration as stored. */
export interface DeclarationRow {
  readonly id: string;
  readonly staffId: string;
  readonly reason: string;
  readonly declaredBy: string;
  readonly declaredAt: Date;
}

export interface NewDeclaration {
  readonly caseId: string;
  readonly staffId: string;
  readonly reason: string;
  readonly declaredBy: string;
}

const COLUMNS = 'id, staff_id, reason, declared_by, declared_at';

function declarationOf(row: RawRow): DeclarationRow {
  return {
    id: text(row, 'id'),
    staffId: text(row, 'staff_id'),
    reason: text(row, 'reason'),
    declaredBy: text(row, 'declared_by'),
    declaredAt: timestamp(row, 'declared_at'),
  };
}

/** Who declared a conflict of interest on which case (table case_conflict_declaration). */
@Injectable()
export class ConflictDeclarationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Two index probes: uq_ombudsman_case_reference, then uq_case_conflict_declaration_staff. */
  async declaredOn(
    reference: string,
    staffId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const rows = rowsOf(
      await manager.query(
        `SELECT 1 FROM case_conflict_declaration d
           JOIN ombudsman_case c ON c.id = d.case_id
          WHERE c.reference = $1 AND d.staff_id = $2`,
        [reference, staffId],
      ),
      () => true,
    );
    return rows.length > 0;
  }

  /** The same question by the case's id, on uq_case_conflict_declaration_staff alone. */
  async declared(manager: EntityManager, caseId: string, staffId: string): Promise<boolean> {
    const rows = rowsOf(
      await manager.query(
        'SELECT 1 FROM case_conflict_declaration WHERE case_id = $1 AND staff_id = $2',
        [caseId, staffId],
      ),
      () => true,
    );
    return rows.length > 0;
  }

  /** Inserts the declaration, or answers null when this member of staff already declared one. */
  async insert(
    manager: EntityManager,
    declaration: NewDeclaration,
  ): Promise<DeclarationRow | null> {
    return firstRowOf(
      await manager.query(
        `INSERT INTO case_conflict_declaration (case_id, staff_id, reason, declared_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (case_id, staff_id) DO NOTHING
         RETURNING ${COLUMNS}`,
        [declaration.caseId, declaration.staffId, declaration.reason, declaration.declaredBy],
      ),
      declarationOf,
    );
  }

  async find(
    manager: EntityManager,
    caseId: string,
    staffId: string,
  ): Promise<DeclarationRow | null> {
    return firstRowOf(
      await manager.query(
        `SELECT ${COLUMNS} FROM case_conflict_declaration WHERE case_id = $1 AND staff_id = $2`,
        [caseId, staffId],
      ),
      declarationOf,
    );
  }
}
