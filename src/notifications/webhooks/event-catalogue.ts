/**
 * The event types a subscription may ask for, published at GET /v1/admin/webhooks/event-types.
 * `*` asks for every event, including types added after the subscription was made.
 */
export const WEBHOOK_EVENT_CATALOGUE = {
  'case.submitted': 'A customer filed a dispute with the ombudsman',
  'case.status_changed': 'A case moved in its lifecycle (triage, investigation, closure, …)',
  'case.assigned': 'An officer was assigned to a case',
  'case.unassigned': 'A case lost its officer (it needs a new one)',
  'information_request.created': 'The office asked the customer or the company for information',
  'message.posted': 'A message was posted on a case',
  'complaint.created': 'A front-line complaint was recorded',
  'complaint.final_response': 'The front line gave its final response to a complaint',
  'proposal.awaiting_approval': 'A mediation proposal above an officer’s limit awaits approval',
  'proposal.made': 'A mediation proposal was put to the parties',
  'proposal.answered': 'A party accepted or rejected a mediation proposal',
  'proposal.expired': 'A mediation proposal passed its expiry before both parties accepted it',
  'decision.awaiting_approval': 'A decision with awards above the four-eyes limit awaits approval',
  'decision.issued': 'The ombudsman issued a decision',
  'decision.revised': 'The ombudsman corrected a decision with a new revision and a reason',
  'decision.answered': 'The customer accepted or rejected the decision',
  'decision.revision_superseded':
    'A revision awaiting approval was closed because the customer answered the decision in force',
  'remedy.due': 'A remedy became owed, with its payment deadline',
  'remedy.approved': 'An award above an officer’s authority was approved',
  'remedy.fulfilled': 'The company recorded a remedy as fulfilled',
  'remedy.confirmed': 'The office confirmed the fulfilment the company recorded',
  'remedy.disputed': 'The office disputed the fulfilment the company recorded',
  'remedy.overdue': 'A remedy passed its payment deadline unfulfilled',
  'sla.at_risk': 'A deadline reached 80% of its time',
  'sla.breached': 'A deadline passed unmet',
  'document.added':
    'A party or the office added a document to a case (the event never carries the file)',
  'document.shared': 'The office showed a document to the customer or the company',
  'document.withdrawn': 'The office withdrew a document from the parties’ view',
  'feedback.received': 'A customer rated the service',
  'suggestion.received': 'A customer made an improvement suggestion',
  'suggestion.status_changed': 'An improvement suggestion moved on (accepted, implemented, …)',
} as const satisfies Record<string, string>;

export const ALL_EVENTS = '*';

export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENT_CATALOGUE);

/** What `events[]` may hold: a catalogue type or `*`. */
export const SUBSCRIBABLE_EVENTS: readonly string[] = [ALL_EVENTS, ...WEBHOOK_EVENT_TYPES];
