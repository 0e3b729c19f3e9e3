/**
 * Descriptions of the operations whose route declares only a summary; a description written on
 * the route itself (`@ApiOperation({ description })`) wins over these.
 */
export const OPERATION_DESCRIPTIONS: Readonly<Record<string, string>> = {
  listWebhookSubscriptions:
    'Subscriptions with their URL, event types and state; the signing secret is never listed. ' +
    'Pass `nextCursor` back as `cursor` until it is null.',
  listWebhookEventTypes:
    'Every domain event type a subscription may name in `events[]`; `*` subscribes to all, ' +
    'including types added later.',
  getWebhookSubscription:
    'One subscription with its URL, event types and state. The secret was shown once, when the ' +
    'subscription was created.',
  checkLiveness: 'Answers 200 while the process runs; it reads nothing else.',
  checkReadiness:
    'Answers 200 when the database answers and every migration is applied, 503 otherwise, so a ' +
    'load balancer sends no traffic to an instance that cannot serve it.',
  listComplaints:
    'Front-line complaints of the company, newest first; pass `nextCursor` back as `cursor`.',
  getComplaint:
    'One front-line complaint with its final-response deadline and, once given, its final response.',
  listBusinessCalendars:
    'The calendars deadlines count business days in: time zone, working days and holidays.',
  getBusinessCalendar: 'One business calendar, with its `ETag` for a later `If-Match` replacement.',
  getCase:
    'The whole case file for staff: status, parties, deadlines, timeline with internal notes, ' +
    'conflicts and remedies. The `ETag` carries the version for `If-Match` on writes.',
  recordLitigation:
    'Records that a party took the dispute to court; the case closes with the outcome ' +
    '`litigation` from any open status.',
  addInternalNote:
    'A note for the office only: the customer and the company never see it. It is recorded on the ' +
    'timeline and in the audit trail.',
  sendStaffMessage:
    'A message from the office to the customer (shown in the customer view, in their language) or ' +
    'to the company (shown in the company view).',
  getCaseTimeline: 'Every entry of the case timeline in order, internal notes included.',
  getCaseAuditTrail:
    'Every audit entry of the case with its hash and the hash of the entry before it, and whether ' +
    'the chain is intact.',
  getCompanyCaseView:
    'What the company may see of a case about it: status, deadlines, messages to the company, ' +
    'information requests, proposals and remedies; never internal notes, drafts or the audit log.',
  respondForCompany:
    "The company's answer to an information request (name it in `informationRequestId`) or a " +
    'statement of its position.',
  getEscalation:
    'The customer view, in the language of the case: status explained, next step, handler, ' +
    'deadlines, the visible timeline, open proposals, the decision and remedies.',
  sendCustomerMessage: 'A message from the customer to the office, added to the case timeline.',
  rejectProposalAsCustomer:
    "The customer's refusal of an open mediation proposal; the case stays with the office.",
  rejectDecision:
    "The customer's refusal of the decision: the case closes as not accepted and the decision " +
    'does not bind the company.',
  listProposals:
    'Every proposal of the case in order: drafts, those awaiting approval, sent, superseded, and ' +
    "the parties' answers with their reasons.",
  rejectProposalAsCompany: "The company's refusal of an open mediation proposal.",
  getDecision:
    'The decision with every revision in order, drafts awaiting approval included, each with its ' +
    'content hash.',
  listCaseRemedies:
    'Every remedy of the case with its amount, deadline, approvals, confirmation and fulfilment.',
  listRemedies:
    'Remedies across every case, keyset-paginated; `overdue=true` keeps the owed ones past their ' +
    'payment deadline.',
  listOwnSuggestions:
    'The suggestions made on this case, each with its status in the language of the case and the ' +
    "office's public response.",
  listSuggestions: "Customers' suggestions across cases, newest first, optionally by status.",
  listCustomerDocuments:
    'The documents of the case the customer may see: their own uploads and those the office ' +
    'shared with them; withdrawn ones are gone from the list.',
  downloadCustomerDocument:
    'The file as stored, as an attachment (never rendered inline), after its integrity is checked.',
  listCompanyDocuments:
    'The documents of the case the company may see: its own uploads and those the office shared ' +
    'with it; withdrawn ones are gone from the list.',
  downloadCompanyDocument:
    'The file as stored, as an attachment (never rendered inline), after its integrity is checked.',
  listCaseDocuments:
    'Every document of the case, from either side or the office, shared, withdrawn or internal.',
  downloadCaseDocument:
    'The file as stored, as an attachment (never rendered inline), after its integrity is checked.',
};
