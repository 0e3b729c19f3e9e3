import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { BusinessCalendar } from '../business-calendar';
import { DeadlineKind } from '../deadline.entity';
import { SlaPolicy } from '../sla-policy';

/** The policy and calendar a new deadline of one kind is dated by. */
export interface SlaTerms {
  readonly policy: Pick<SlaPolicy, 'amount' | 'unit'>;
  readonly calendar: BusinessCalendar;
}

/**
 * Remembers the terms of each deadline kind for `SLA_POLICY_CACHE_MS`: every filing and most
 * commands open deadlines, and policies change a few times a year. This instance forgets at once
 * when it changes a policy or calendar itself; another instance follows within the TTL.
 */
@Injectable()
export class SlaTermsCache {
  private readonly entries = new Map<DeadlineKind, { terms: SlaTerms; until: number }>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async get(kind: DeadlineKind, load: () => Promise<SlaTerms>): Promise<SlaTerms> {
    const now = Date.now();
    const hit = this.entries.get(kind);
    if (hit && hit.until > now) return hit.terms;
    const terms = await load();
    const ttl = this.config.sla.policyCacheMs;
    if (ttl > 0) this.entries.set(kind, { terms, until: now + ttl });
    return terms;
  }

  /** After a change commits; forgetting earlier would let a concurrent read cache the old terms. */
  clear(): void {
    this.entries.clear();
  }
}
