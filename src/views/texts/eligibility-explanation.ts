import { addMonths } from '../../cases/eligibility';
import { catalogueFor, formatCustomerDate, Language } from './customer-texts';

/** What intake knew when it refused a dispute or passed it to the front line first. */
export interface IntakeDecisionFacts {
  readonly language: Language;
  /** The eligibility reason intake recorded (`ombudsman_case.eligibility_reason`). */
  readonly eligibilityReason: string | null;
  readonly complaintReference: string | null;
  readonly finalResponseAt: Date | null;
  readonly frontlineDueAt?: Date;
  readonly filedAt: Date;
  readonly timeLimitMonths: number;
  /** The customer's time zone, used only to write dates. */
  readonly timeZone?: string;
}

/**
 * Why intake refused the dispute or sent it to the company first, in the customer's language and
 * with the dates that decided it; null for any other intake decision, or if a needed fact is missing.
 */
export function explainIntakeDecision(facts: IntakeDecisionFacts): string | null {
  const { language: lang, complaintReference } = facts;
  if (!complaintReference) return null;
  const texts = catalogueFor(lang).eligibility;
  const date = (d: Date) => formatCustomerDate(lang, d, facts.timeZone);
  switch (facts.eligibilityReason) {
    case 'out_of_time':
      if (!facts.finalResponseAt) return null;
      return texts.outOfTime({
        complaintReference,
        finalResponseDate: date(facts.finalResponseAt),
        lastDay: date(addMonths(facts.finalResponseAt, facts.timeLimitMonths)),
        filedDate: date(facts.filedAt),
        timeLimitMonths: facts.timeLimitMonths,
      });
    case 'no_frontline_complaint':
      return texts.noFrontlineComplaint({ complaintReference });
    case 'frontline_deadline_running':
      return texts.frontlineDeadlineRunning({
        complaintReference,
        dueDate: facts.frontlineDueAt && date(facts.frontlineDueAt),
      });
    default:
      return null;
  }
}
