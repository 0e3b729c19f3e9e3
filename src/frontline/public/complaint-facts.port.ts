import type { UnitOfWork } from '../../database/unit-of-work';

/**
 * What the ombudsman side may know of a front-line complaint: the facts that decide eligibility and
 * conflicts of interest, never the complaint's tables. The front line implements it.
 */
export interface ComplaintFacts {
  readonly reference: string;
  /** The agent who handled the complaint: may never handle the ombudsman case about it. */
  readonly agentId: string;
  readonly receivedAt: Date;
  readonly responseDueAt: Date;
  readonly finalResponseAt: Date | null;
}

/** Who says a complaint is theirs: the filer of an escalation. */
export interface Claimant {
  readonly email: string;
  readonly customerNumber?: string;
}

export interface ComplaintFromFiling {
  readonly customer: {
    readonly name: string;
    readonly email: string;
    readonly customerNumber?: string;
  };
  readonly subject: string;
  readonly description: string;
  /** The ombudsman case reference the complaint was opened for. */
  readonly caseReference: string;
}

/** Dependency-injection token and contract of the front line's published interface. */
export abstract class ComplaintFactsPort {
  abstract factsFor(reference: string): Promise<ComplaintFacts | null>;

  /**
   * The complaint, only if it exists and is the claimant's: the same e-mail (trimmed,
   * lower-cased) or the same customer number. Null otherwise, with the same query either way,
   * so that a caller cannot tell another customer's complaint from no complaint at all.
   */
  abstract factsForClaimant(reference: string, claimant: Claimant): Promise<ComplaintFacts | null>;

  /**
   * Opens a complaint for the front line from a customer's filing, inside the caller's
   * transaction, so a failed filing leaves no complaint behind.
   */
  abstract openFromFiling(work: UnitOfWork, filing: ComplaintFromFiling): Promise<ComplaintFacts>;
}
