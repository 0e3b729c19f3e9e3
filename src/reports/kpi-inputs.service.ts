import { Injectable } from '@nestjs/common';
import { SlaPoliciesService } from '../sla/policies/sla-policies.service';
import { KpiAggregatesRepository } from './kpi-aggregates.repository';
import { KpiAggregates, KpiPolicy } from './kpi-report';

/**
 * What a report is built from: the KPI aggregates of a period and the deadline policies in force
 * they are measured against (changed by `PUT /v1/admin/sla/policies`, not the start-up defaults).
 */
@Injectable()
export class KpiInputsService {
  constructor(
    private readonly aggregates: KpiAggregatesRepository,
    private readonly policies: SlaPoliciesService,
  ) {}

  async policy(): Promise<KpiPolicy> {
    const [acknowledge, outcome] = await Promise.all([
      this.policies.termOf('acknowledge'),
      this.policies.termOf('outcome'),
    ]);
    return { acknowledge, outcome };
  }

  collect(from: Date, to: Date, policy: KpiPolicy): Promise<KpiAggregates> {
    return this.aggregates.collect(from, to, policy.outcome);
  }
}
