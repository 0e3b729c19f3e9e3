import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../auth/actor';
import { UnitOfWork, managerOf } from '../database/unit-of-work';
import { isComplaintReference } from './complaint-reference';
import { toComplaintFacts } from './complaint-view';
import { ComplaintsRepository } from './complaints.repository';
import { ComplaintsService } from './complaints.service';
import {
  Claimant,
  ComplaintFacts,
  ComplaintFactsPort,
  ComplaintFromFiling,
} from './public/complaint-facts.port';

/** The source of complaints the ombudsman opens for the front line when a customer files first. */
export const OMBUDSMAN_SOURCE = 'ombudsman';

/** The front line's published interface, as the ombudsman side sees it. */
@Injectable()
export class ComplaintFactsAdapter implements ComplaintFactsPort {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly complaints: ComplaintsRepository,
    private readonly service: ComplaintsService,
  ) {}

  async factsFor(reference: string): Promise<ComplaintFacts | null> {
    if (!isComplaintReference(reference)) return null;
    const complaint = await this.complaints.findByReference(this.dataSource.manager, reference);
    return complaint ? toComplaintFacts(complaint) : null;
  }

  async factsForClaimant(reference: string, claimant: Claimant): Promise<ComplaintFacts | null> {
    if (!isComplaintReference(reference)) return null;
    const complaint = await this.complaints.findByReferenceForCustomer(
      this.dataSource.manager,
      reference,
      claimant,
    );
    return complaint ? toComplaintFacts(complaint) : null;
  }

  /** Idempotent per case: opening again for the same case reference returns the first complaint. */
  async openFromFiling(work: UnitOfWork, filing: ComplaintFromFiling): Promise<ComplaintFacts> {
    const { complaint } = await this.service.open(
      managerOf(work),
      {
        customer: filing.customer,
        subject: filing.subject,
        description: filing.description,
        source: OMBUDSMAN_SOURCE,
        externalId: filing.caseReference,
        agentId: 'unassigned',
        channel: 'ombudsman_referral',
      },
      SYSTEM_ACTOR,
    );
    return toComplaintFacts(complaint);
  }
}
