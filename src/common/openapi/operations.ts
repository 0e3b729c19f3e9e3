/**
 * The name of every operation in openapi.json: generated clients call methods by these names, so
 * they are part of the contract and never change once published. Keys are
 * `<Controller without the suffix>_<handler method>`. A route not listed here keeps that key as
 * its name, which `npm run lint:openapi` (.spectral.yaml) refuses in openapi.json: a new route
 * picks its name on purpose. (Probe routes that tests mount are never in the document.)
 */
export const OPERATION_IDS: Readonly<Record<string, string>> = {
  Audit_verify: 'verifyAuditChains',
  Audit_run: 'runAuditVerification',
  Webhooks_create: 'createWebhookSubscription',
  Webhooks_list: 'listWebhookSubscriptions',
  Webhooks_eventTypes: 'listWebhookEventTypes',
  Webhooks_get: 'getWebhookSubscription',
  Webhooks_remove: 'deleteWebhookSubscription',
  Webhooks_listDeliveries: 'listWebhookDeliveries',
  Health_live: 'checkLiveness',
  Health_ready: 'checkReadiness',
  Metrics_scrape: 'scrapeMetrics',
  Complaints_create: 'createComplaint',
  Complaints_list: 'listComplaints',
  Complaints_get: 'getComplaint',
  Complaints_respond: 'recordFinalResponse',
  SlaCalendars_list: 'listBusinessCalendars',
  SlaCalendars_create: 'createBusinessCalendar',
  SlaCalendars_get: 'getBusinessCalendar',
  SlaCalendars_replace: 'replaceBusinessCalendar',
  SlaPolicies_list: 'listDeadlinePolicies',
  SlaPolicies_update: 'updateDeadlinePolicies',
  Cases_read: 'getCase',
  CaseHandling_triage: 'triageCase',
  CaseHandling_assign: 'assignCase',
  CaseHandling_declareConflict: 'declareConflictOfInterest',
  CaseHandling_litigation: 'recordLitigation',
  CaseHandling_close: 'closeCase',
  CaseRecords_note: 'addInternalNote',
  CaseRecords_message: 'sendStaffMessage',
  CaseRecords_ask: 'requestInformation',
  CaseRecords_timelineOf: 'getCaseTimeline',
  CaseRecords_auditOf: 'getCaseAuditTrail',
  CompanyCases_read: 'getCompanyCaseView',
  CompanyCases_respond: 'respondForCompany',
  CaseQueue_list: 'listCases',
  Escalation_file: 'fileEscalation',
  Escalation_read: 'getEscalation',
  Escalation_message: 'sendCustomerMessage',
  Escalation_withdraw: 'withdrawEscalation',
  CustomerProposalAnswers_accept: 'acceptProposalAsCustomer',
  CustomerProposalAnswers_reject: 'rejectProposalAsCustomer',
  CustomerDecisionAnswers_accept: 'acceptDecision',
  CustomerDecisionAnswers_reject: 'rejectDecision',
  Proposals_propose: 'makeProposal',
  Proposals_list: 'listProposals',
  Proposals_send: 'sendProposal',
  CompanyProposalAnswers_accept: 'acceptProposalAsCompany',
  CompanyProposalAnswers_reject: 'rejectProposalAsCompany',
  Decisions_issue: 'issueDecision',
  Decisions_read: 'getDecision',
  Decisions_revise: 'reviseDecision',
  Decisions_issuePending: 'issuePendingRevision',
  CaseRemedies_list: 'listCaseRemedies',
  CaseRemedies_approve: 'approveRemedy',
  CaseRemedies_confirm: 'confirmRemedy',
  Compensation_list: 'listRemedies',
  Compensation_budgetFor: 'getCompensationBudget',
  CompanyRemedies_record: 'recordRemedyFulfilment',
  CustomerFeedback_give: 'giveFeedback',
  CustomerFeedback_suggest: 'makeSuggestion',
  CustomerFeedback_list: 'listOwnSuggestions',
  SuggestionsAdmin_list: 'listSuggestions',
  SuggestionsAdmin_changeStatus: 'changeSuggestionStatus',
  SuggestionsAdmin_corrective: 'listCorrectiveActions',
  SuggestionsAdmin_track: 'updateCorrectiveAction',
  Reports_kpis: 'getKpiReport',
  Reports_annual: 'getAnnualReport',
  PublicStatistics_read: 'getPublicStatistics',
  ComplaintImport_import: 'importComplaints',
  CaseNotifications_list: 'listCaseNotifications',
  AccessLink_request: 'requestAccessLink',
  CustomerDocuments_upload: 'uploadCustomerDocument',
  CustomerDocuments_list: 'listCustomerDocuments',
  CustomerDocuments_download: 'downloadCustomerDocument',
  CompanyDocuments_upload: 'uploadCompanyDocument',
  CompanyDocuments_list: 'listCompanyDocuments',
  CompanyDocuments_download: 'downloadCompanyDocument',
  StaffDocuments_upload: 'uploadStaffDocument',
  StaffDocuments_list: 'listCaseDocuments',
  StaffDocuments_download: 'downloadCaseDocument',
  StaffDocuments_share: 'shareCaseDocument',
  StaffDocuments_withdraw: 'withdrawCaseDocument',
};

export function operationIdFor(controllerKey: string, methodKey: string): string {
  const key = `${controllerKey.replace(/Controller$/, '')}_${methodKey}`;
  return OPERATION_IDS[key] ?? key;
}

/** The groups of operations, in the order the document lists them. */
export const TAGS: readonly { readonly name: string; readonly description: string }[] = [
  {
    name: 'escalations (customers)',
    description:
      'The public door: a customer files a dispute (no login) and follows it with the case access ' +
      'token returned once at filing: messages, answers to proposals and the decision, withdrawal.',
  },
  {
    name: 'frontline',
    description:
      "The company's first tier: front-line complaints and their final responses, pushed by " +
      'agents or integrations (`externalId` makes a push idempotent).',
  },
  {
    name: 'cases (company)',
    description:
      "The company's side of an ombudsman case: its view (no internal notes), its responses, its " +
      'answers to proposals and the fulfilment of remedies.',
  },
  {
    name: 'cases (ombudsman staff)',
    description:
      'The queue and the case file for officers and ombudsmen: triage, assignment, conflicts, ' +
      'notes, messages, information requests, litigation, closure, timeline and audit trail.',
  },
  {
    name: 'mediation',
    description: 'Mediation proposals made by the office and the answers of both parties.',
  },
  {
    name: 'decisions',
    description: "The ombudsman's decision, its revisions and their approval.",
  },
  {
    name: 'compensation',
    description:
      'Remedies owed by the company: authority limits and approvals, confirmation, overdue ' +
      'remedies and the yearly compensation budget.',
  },
  {
    name: 'deadlines (ombudsman staff)',
    description: 'Deadline policies and the business calendars they count in.',
  },
  {
    name: 'suggestions and corrective actions (ombudsman staff)',
    description:
      "Customers' improvement suggestions, their status, and the corrective actions they lead to.",
  },
  {
    name: 'reports (ombudsman staff)',
    description: 'Key figures for a period (JSON or CSV) and the annual report (JSON or HTML).',
  },
  {
    name: 'public statistics',
    description: "The office's yearly figures for anyone, without personal data.",
  },
  {
    name: 'webhooks',
    description:
      'Subscriptions to domain events, delivered signed (Standard Webhooks) with retries, and ' +
      'their delivery log.',
  },
  { name: 'audit', description: 'Verification of the hash-chained audit log.' },
  { name: 'health', description: 'Liveness and readiness probes for orchestrators.' },
  { name: 'observability', description: 'Prometheus metrics of the instance that answers.' },
];
