import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ActorRef } from '../../auth/actor';
import { DomainError } from '../../common/errors/domain-error';
import { problemOf } from '../../common/errors/problem';
import { ComplaintsRepository } from '../complaints.repository';
import { ComplaintsService } from '../complaints.service';
import { externalIdConflict } from '../complaints.errors';
import { ComplaintEntity } from '../complaint.entity';
import {
  ImportComplaintDto,
  ImportItemResultDto,
  ImportResultDto,
} from '../dto/import-complaints.dto';
import { FinalResponsesService } from '../final-responses.service';
import { importDifferences, ImportedComplaint } from './import-match';

type Settled = Pick<ImportItemResultDto, 'outcome' | 'reference' | 'id'>;

/**
 * A CRM's complaints in bulk. Each item is all or nothing in a transaction of its own, so one bad
 * item costs only itself, and a retry of the whole batch after a failure redoes nothing: an item
 * whose externalId already made the same complaint is `unchanged`.
 */
@Injectable()
export class ComplaintImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ComplaintsRepository,
    private readonly complaints: ComplaintsService,
    private readonly finalResponses: FinalResponsesService,
  ) {}

  async import(items: readonly ImportComplaintDto[], actor: ActorRef): Promise<ImportResultDto> {
    const results: ImportItemResultDto[] = [];
    // One after another: the items of one source share its externalIds, and the pool its connections.
    for (const [index, item] of items.entries()) {
      results.push(await this.importOne(index, item, actor));
    }
    const count = (outcome: string) => results.filter((r) => r.outcome === outcome).length;
    return {
      created: count('created'),
      unchanged: count('unchanged'),
      refused: count('refused'),
      items: results,
    };
  }

  private async importOne(
    index: number,
    item: ImportComplaintDto,
    actor: ActorRef,
  ): Promise<ImportItemResultDto> {
    const { externalId } = item;
    try {
      const settled = await this.dataSource.transaction((m) => this.settle(m, item, actor));
      return { index, externalId, ...settled, problem: null };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const problem = problemOf(error.code, error.detail, error.extensions, error.errors);
      return { index, externalId, outcome: 'refused', reference: null, id: null, problem };
    }
  }

  private async settle(
    manager: EntityManager,
    item: ImportComplaintDto,
    actor: ActorRef,
  ): Promise<Settled> {
    const parsed = parse(item, actor.sub);
    const known = await this.repository.findByExternalId(manager, actor.sub, item.externalId);
    if (known) return unchanged(parsed, known, item.externalId);
    const { complaint, created } = await this.complaints.open(
      manager,
      { ...parsed, source: actor.sub, externalId: item.externalId },
      actor,
    );
    // Another request imported the same externalId a moment ago.
    if (!created) return unchanged(parsed, complaint, item.externalId);
    if (parsed.finalResponse) {
      await this.finalResponses.record(manager, complaint, parsed.finalResponse, actor);
    }
    return { outcome: 'created', reference: complaint.reference, id: complaint.id };
  }
}

function parse(item: ImportComplaintDto, caller: string): ImportedComplaint {
  const response = item.finalResponse;
  return {
    customer: item.customer,
    subject: item.subject,
    description: item.description,
    channel: item.channel,
    agentId: item.agentId ?? caller,
    receivedAt: item.receivedAt === undefined ? undefined : new Date(item.receivedAt),
    finalResponse: response && {
      text: response.text,
      offer: response.offer,
      respondedAt: new Date(response.respondedAt),
    },
  };
}

function unchanged(item: ImportedComplaint, known: ComplaintEntity, externalId: string): Settled {
  const differences = importDifferences(item, known);
  if (differences.length > 0) throw externalIdConflict(externalId, known.reference, differences);
  return { outcome: 'unchanged', reference: known.reference, id: known.id };
}
