import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface SessionCase {
  readonly caseId: string;
  readonly reference: string;
}

/** The SQL of the customer pages' sessions (table portal_session). */
@Injectable()
export class PortalSessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Copies the case's current token hash: a later new access link ends this session. */
  async insert(idHash: Buffer, caseId: string, lifetimeSeconds: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO portal_session (id_hash, case_id, access_token_hash, expires_at)
       SELECT $1, c.id, c.access_token_hash, now() + make_interval(secs => $3)
       FROM ombudsman_case c WHERE c.id = $2`,
      [idHash, caseId, lifetimeSeconds],
    );
  }

  /** The case a live session opens, while its access token is still the case's. */
  async find(idHash: Buffer): Promise<SessionCase | null> {
    const [row] = (await this.dataSource.query(
      `SELECT c.id, c.reference FROM portal_session s
       JOIN ombudsman_case c ON c.id = s.case_id AND c.access_token_hash = s.access_token_hash
       WHERE s.id_hash = $1 AND s.expires_at > now()`,
      [idHash],
    )) as { id: string; reference: string }[];
    return row ? { caseId: row.id, reference: row.reference } : null;
  }

  async delete(idHash: Buffer): Promise<void> {
    await this.dataSource.query('DELETE FROM portal_session WHERE id_hash = $1', [idHash]);
  }

  async purgeExpired(): Promise<void> {
    await this.dataSource.query('DELETE FROM portal_session WHERE expires_at < now()');
  }
}
