import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { accessTokenMatches, hashAccessToken } from './case-access-token';
import { caseNotFound } from './cases.errors';
import { CasesRepository } from './cases.repository';

/** Opens a case for the customer who holds its access token, and for nobody else. */
@Injectable()
export class CaseAccessService {
  // Compared against when the reference does not exist, so both refusals take the same time.
  private readonly decoy = hashAccessToken('decoy');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesRepository,
  ) {}

  async open(
    reference: string,
    presentedToken: string,
  ): Promise<{ caseId: string; reference: string }> {
    const row = await this.cases.accessHashOf(this.dataSource.manager, reference);
    const matches = accessTokenMatches(presentedToken, row?.accessTokenHash ?? this.decoy);
    if (!row || !matches) throw caseNotFound(reference);
    return { caseId: row.id, reference };
  }
}
