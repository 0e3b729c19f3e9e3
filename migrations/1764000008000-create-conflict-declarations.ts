import { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff who declared a conflict of interest on a case may never be assigned to it. */
export class CreateConflictDeclarations1764000008000 implements MigrationInterface {
  name = 'CreateConflictDeclarations1764000008000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_conflict_declaration (
        id          uuid        NOT NULL DEFAULT gen_random_uuid(),
        case_id     uuid        NOT NULL,
        staff_id    text        NOT NULL,
        reason      text        NOT NULL,
        declared_by text        NOT NULL,
        declared_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_case_conflict_declaration PRIMARY KEY (id),
        CONSTRAINT fk_case_conflict_declaration_case FOREIGN KEY (case_id) REFERENCES ombudsman_case (id),
        CONSTRAINT uq_case_conflict_declaration_staff UNIQUE (case_id, staff_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE case_conflict_declaration');
  }
}
