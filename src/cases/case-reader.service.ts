import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseEntity } from './case.entity';
import { caseNotFound } from './cases.errors';
import { CasesRepository } from './cases.repository';

/** Reads cases by their public reference; an unknown reference is a 404 for everyone. */
@Injectable()
export class CaseReaderService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesRepository,
  ) {}

  async byReference(reference: string): Promise<CaseEntity> {
    const found = await this.cases.findByReference(this.dataSource.manager, reference);
    if (!found) throw caseNotFound(reference);
    return found;
  }

  async byId(id: string): Promise<CaseEntity> {
    const found = await this.cases.findById(this.dataSource.manager, id);
    if (!found) throw caseNotFound(id);
    return found;
  }
}
