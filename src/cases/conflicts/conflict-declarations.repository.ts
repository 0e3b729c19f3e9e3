import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** Who declared a conflict of interest on which case (table case_conflict_declaration). */
@Injectable()
export class ConflictDeclarations {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Two index probes: uq_ombudsman_case_reference, then uq_case_conflict_declaration_staff. */
  async declaredOn(
    reference: string,
    staffId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const rows = (await manager.query(
      `SELECT 1 FROM case_conflict_declaration d
         JOIN ombudsman_case c ON c.id = d.case_id
        WHERE c.reference = $1 AND d.staff_id = $2`,
      [reference, staffId],
    )) as unknown[];
    return rows.length > 0;
  }
}
