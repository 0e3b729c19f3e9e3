import { MailParams, MailTemplate } from './templates/mail-template';

/** An outbox event as the mail planner reads it. */
export interface MailEvent {
  readonly id: string;
  readonly type: string;
  readonly payload: Record<string, unknown>;
  readonly occurredAt: Date;
}

/** What the event lacks and a message needs, read through MailCaseFacts when it is planned. */
export interface EventContext {
  readonly caseSubject: string;
  /** The reason given for a status change, when the customer may read it. */
  readonly customerReason: string | null;
  /** When the customer must answer an issued decision. */
  readonly decisionAnswerDueAt: string | null;
}

export type MailAudience = 'customer' | 'company';
export type ReminderKind =
  'information_request' | 'proposal' | 'decision_answer' | 'remedy_payment';

export interface PlannedMessage {
  readonly audience: MailAudience;
  readonly template: MailTemplate;
  readonly params: MailParams;
}

export interface PlannedReminder {
  readonly kind: ReminderKind;
  readonly subjectId: string;
  readonly dueAt: Date | null;
  readonly sendAfter: Date;
}

export interface MailPlan {
  readonly messages: readonly PlannedMessage[];
  readonly reminders: readonly PlannedReminder[];
}

const DAY_MS = 86_400_000;
/** How long before its date each reminder goes out. */
export const REMINDER_LEAD_DAYS: Record<ReminderKind, number> = {
  information_request: 3,
  proposal: 3,
  decision_answer: 7,
  remedy_payment: 7,
};
/** A proposal without an expiry date is recalled after this many days unanswered. */
const OPEN_PROPOSAL_REMINDER_DAYS = 7;

/** The events that tell a party something, and what each one sends. */
export const MAILED_EVENT_TYPES: readonly string[] = [
  'case.submitted',
  'case.status_changed',
  'information_request.created',
  'proposal.made',
  'decision.issued',
  'remedy.due',
  'remedy.fulfilled',
  'remedy.overdue',
];

/**
 * Which messages and reminders one event causes: a pure table, tested on its own. Values come
 * from the event and its context only; internal notes, conflicts and staff documents are never
 * read, so they cannot reach a message.
 */
export function planMail(event: MailEvent, context: EventContext): MailPlan {
  const p = event.payload;
  const reference = String(p.reference ?? '');
  const base: MailParams = { reference, caseSubject: context.caseSubject };
  const customer = (template: MailTemplate, extra: Partial<MailParams> = {}): PlannedMessage => ({
    audience: 'customer',
    template,
    params: { ...base, ...extra },
  });
  const company = (template: MailTemplate, extra: Partial<MailParams> = {}): PlannedMessage => ({
    audience: 'company',
    // The company reads neither the customer's subject line nor any reason given to the customer.
    template,
    params: { reference, ...extra },
  });
  const text = (key: string) => (typeof p[key] === 'string' ? (p[key] as string) : null);
  switch (event.type) {
    case 'case.submitted': {
      const messages = [customer('case_received')];
      const reasonCode = text('eligibility');
      if (p.status === 'referred_to_frontline') {
        messages.push(customer('referred_to_frontline', { reasonCode }));
        messages.push(company('company_case_referred'));
      }
      if (p.status === 'rejected') messages.push(customer('case_refused', { reasonCode }));
      return { messages, reminders: [] };
    }
    case 'case.status_changed':
      return { messages: statusMessages(p, context, customer, company), reminders: [] };
    case 'information_request.created': {
      const dueAt = text('dueAt');
      if (p.party === 'company') {
        return { messages: [company('company_information_requested', { dueAt })], reminders: [] };
      }
      return {
        messages: [customer('information_requested', { dueAt })],
        reminders: reminder('information_request', text('informationRequestId'), dueAt, event),
      };
    }
    case 'proposal.made': {
      const dueAt = text('expiresAt');
      return {
        messages: [
          customer('proposal_made', { dueAt }),
          company('company_proposal_made', { dueAt }),
        ],
        reminders: reminder('proposal', text('proposalId'), dueAt, event),
      };
    }
    case 'decision.issued': {
      const dueAt = context.decisionAnswerDueAt;
      const finding = text('finding');
      return {
        messages: [
          customer('decision_issued', { dueAt, finding }),
          company('company_decision_issued', { finding }),
        ],
        reminders: reminder('decision_answer', text('decisionId'), dueAt, event),
      };
    }
    case 'remedy.due':
      return {
        messages: [],
        reminders: reminder('remedy_payment', text('remedyId'), text('dueAt'), event),
      };
    case 'remedy.fulfilled':
      return {
        messages: [
          customer('remedy_paid', { remedyType: text('type'), dueAt: text('fulfilledAt') }),
        ],
        reminders: [],
      };
    case 'remedy.overdue':
      return {
        messages: [company('company_remedy_overdue', { dueAt: text('dueAt') })],
        reminders: [],
      };
    default:
      return { messages: [], reminders: [] };
  }
}

function statusMessages(
  p: Record<string, unknown>,
  context: EventContext,
  customer: (template: MailTemplate, extra?: Partial<MailParams>) => PlannedMessage,
  company: (template: MailTemplate, extra?: Partial<MailParams>) => PlannedMessage,
): PlannedMessage[] {
  const reason = context.customerReason;
  switch (p.to) {
    case 'referred_to_frontline':
      return [customer('referred_to_frontline', { reason }), company('company_case_referred')];
    case 'accepted':
      return [customer('case_accepted', { reason })];
    case 'rejected':
      return [customer('case_refused', { reason })];
    case 'closed':
      // A refusal was told when it was made; its closure is only the record catching up.
      if (p.outcome === 'rejected') return [];
      return [customer('case_closed', { reason, outcome: String(p.outcome ?? '') })];
    default:
      return [];
  }
}

function reminder(
  kind: ReminderKind,
  subjectId: string | null,
  dueAt: string | null,
  event: MailEvent,
): PlannedReminder[] {
  if (!subjectId) return [];
  const due = dueAt ? new Date(dueAt) : null;
  const sendAfter = due
    ? new Date(due.getTime() - REMINDER_LEAD_DAYS[kind] * DAY_MS)
    : new Date(event.occurredAt.getTime() + OPEN_PROPOSAL_REMINDER_DAYS * DAY_MS);
  if (due === null && kind !== 'proposal') return [];
  // Too close to the date to be worth a second message: the first one said it.
  if (sendAfter.getTime() <= event.occurredAt.getTime()) return [];
  return [{ kind, subjectId, dueAt: due, sendAfter }];
}
