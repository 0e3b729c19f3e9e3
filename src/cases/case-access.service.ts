import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { accessTokenMatches, hashAccessToken } from './case-access-token';
import { caseNotFound } from './cases.errors';

/** Opens a case for the customer who holds its access token, and for nobody else. */
@Injectable()
export class CaseAccess {
  // Compared against when the reference does not exist, so both refusals take the same time.
  private readonly decoy = hashAccessToken('decoy');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async open(
    reference: string,
    presentedToken: string,
  ): Promise<{ caseId: string; reference: string }> {
    const [row] = (await this.dataSource.query(
      'SELECT id, access_token_hash FROM ombudsman_case WHERE reference = $1',
      [reference],
    )) as { id: string; access_token_hash: Buffer }[];
    const matches = accessTokenMatches(presentedToken, row?.access_token_hash ?? this.decoy);
    if (!row || !matches) throw caseNotFound(reference);
    return { caseId: row.id, reference };
  }
}
