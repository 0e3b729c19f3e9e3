import { CreateAuditLog1764000000000 } from './1764000000000-create-audit-log';
import { CreateOutbox1764000001000 } from './1764000001000-create-outbox';
import { CreateFrontlineComplaints1764000002000 } from './1764000002000-create-frontline-complaints';
import { CreateCases1764000003000 } from './1764000003000-create-cases';
import { CreateCaseTimeline1764000004000 } from './1764000004000-create-case-timeline';
import { CreateCaseDeadlines1764000005000 } from './1764000005000-create-case-deadlines';
import { CreateIdempotencyKeys1764000006000 } from './1764000006000-create-idempotency-keys';
import { CreateRateLimitBuckets1764000007000 } from './1764000007000-create-rate-limit-buckets';
import { CreateConflictDeclarations1764000008000 } from './1764000008000-create-conflict-declarations';
import { CreateInformationRequests1764000009000 } from './1764000009000-create-information-requests';
import { AddCaseSearch1764000010000 } from './1764000010000-add-case-search';
import { CreateRemedies1764000100000 } from './1764000100000-create-remedies';
import { CreateMediationProposals1764000110000 } from './1764000110000-create-mediation-proposals';
import { CreateDecisions1764000120000 } from './1764000120000-create-decisions';
import { SupersedeOffersOnCaseClosure1764000130000 } from './1764000130000-supersede-offers-on-case-closure';
import { CreateFeedbackAndSuggestions1764000300000 } from './1764000300000-create-feedback-and-suggestions';
import { AddReportIndexes1764000301000 } from './1764000301000-add-report-indexes';
import { AddRemedyReportIndexes1764000302000 } from './1764000302000-add-remedy-report-indexes';
import { CreateSlaCalendarsAndPolicies1764000200000 } from './1764000200000-create-sla-calendars-and-policies';
import { AddDeadlineSweepColumns1764000201000 } from './1764000201000-add-deadline-sweep-columns';
import { CreateWebhookSubscriptions1764000250000 } from './1764000250000-create-webhook-subscriptions';
import { CreateWebhookDeliveries1764000251000 } from './1764000251000-create-webhook-deliveries';
import { MakeRateLimitBucketsUnlogged1764000400000 } from './1764000400000-make-rate-limit-buckets-unlogged';
import { ProtectIssuedDecisionRemedies1764000410000 } from './1764000410000-protect-issued-decision-remedies';
import { RefuseTruncatingIssuedDecisions1764000411000 } from './1764000411000-refuse-truncating-issued-decisions';
import { AddCaseRejectionCode1764000420000 } from './1764000420000-add-case-rejection-code';
import { AddOpenRegisterIndexes1764000421000 } from './1764000421000-add-open-register-indexes';
import { AddWebhookRetentionIndexes1764000422000 } from './1764000422000-add-webhook-retention-indexes';
import { AddWaitingOnCustomerIndex1764000440000 } from './1764000440000-add-waiting-on-customer-index';
import { AddOpenProposalExpiryIndex1764000450000 } from './1764000450000-add-open-proposal-expiry-index';
import { ProtectAnswersAndApprovals1764000460000 } from './1764000460000-protect-answers-and-approvals';
import { CreateCaseTokenFailures1764000473100 } from './1764000473100-create-case-token-failures';
import { CreateStaffDirectory1764000480000 } from './1764000480000-create-staff-directory';
import { ForgetOfficerIdsShownAsNames1764000481000 } from './1764000481000-forget-officer-ids-shown-as-names';
import { AddSupersededDecisionRevisions1764000482000 } from './1764000482000-add-superseded-decision-revisions';
import { CreateMailMessages1764000600000 } from './1764000600000-create-mail-messages';
import { CreateMailReminders1764000601000 } from './1764000601000-create-mail-reminders';
import { CreateCaseDocuments1764000500000 } from './1764000500000-create-case-documents';
import { EncryptCaseDocuments1764000501000 } from './1764000501000-encrypt-case-documents';
import { AddExactSearchIndexes1764000700000 } from './1764000700000-add-exact-search-indexes';
import { SupersedeOffersOnClosureInCode1765100000000 } from './1765100000000-supersede-offers-on-closure-in-code';
import { AddReferencePrefixIndex1764000910000 } from './1764000910000-add-reference-prefix-index';
import { CreatePortalSessions1765500000000 } from './1765500000000-create-portal-sessions';
import { ShowNotifiedEntriesToParties1766100000000 } from './1766100000000-show-notified-entries-to-parties';
import { AddAccessLinkRecipientIndex1766100001000 } from './1766100001000-add-access-link-recipient-index';
import { MaintainKpiAggregates1766500000000 } from './1766500000000-maintain-kpi-aggregates';
import { AddEmailPrefixIndex1767300000000 } from './1767300000000-add-email-prefix-index';
import { AddCaseIdentifierTokens1767300001000 } from './1767300001000-add-case-identifier-tokens';
import { OrderFlaggedDeadlinesByCase1767400000000 } from './1767400000000-order-flagged-deadlines-by-case';
import { IndexFlaggedDeadlinesInCaseOrder1767400001000 } from './1767400001000-index-flagged-deadlines-in-case-order';
import { RollKpiAggregatesUpByYear1767500000000 } from './1767500000000-roll-kpi-aggregates-up-by-year';
import { MaintainKpiRemedyFigures1767500001000 } from './1767500001000-maintain-kpi-remedy-figures';
import { AddFailedWebhookDeliveryIndex1764000900000 } from './1764000900000-add-failed-webhook-delivery-index';

/** Every migration in order; listed explicitly so the same list runs from src, dist and tests. */
export const MIGRATIONS = [
  CreateAuditLog1764000000000,
  CreateOutbox1764000001000,
  CreateFrontlineComplaints1764000002000,
  CreateCases1764000003000,
  CreateCaseTimeline1764000004000,
  CreateCaseDeadlines1764000005000,
  CreateIdempotencyKeys1764000006000,
  CreateRateLimitBuckets1764000007000,
  CreateConflictDeclarations1764000008000,
  CreateInformationRequests1764000009000,
  AddCaseSearch1764000010000,
  CreateRemedies1764000100000,
  CreateMediationProposals1764000110000,
  CreateDecisions1764000120000,
  SupersedeOffersOnCaseClosure1764000130000,
  CreateSlaCalendarsAndPolicies1764000200000,
  AddDeadlineSweepColumns1764000201000,
  CreateWebhookSubscriptions1764000250000,
  CreateWebhookDeliveries1764000251000,
  CreateFeedbackAndSuggestions1764000300000,
  AddReportIndexes1764000301000,
  AddRemedyReportIndexes1764000302000,
  MakeRateLimitBucketsUnlogged1764000400000,
  ProtectIssuedDecisionRemedies1764000410000,
  RefuseTruncatingIssuedDecisions1764000411000,
  AddCaseRejectionCode1764000420000,
  AddOpenRegisterIndexes1764000421000,
  AddWebhookRetentionIndexes1764000422000,
  AddWaitingOnCustomerIndex1764000440000,
  AddOpenProposalExpiryIndex1764000450000,
  ProtectAnswersAndApprovals1764000460000,
  CreateCaseTokenFailures1764000473100,
  CreateStaffDirectory1764000480000,
  ForgetOfficerIdsShownAsNames1764000481000,
  AddSupersededDecisionRevisions1764000482000,
  CreateMailMessages1764000600000,
  CreateMailReminders1764000601000,
  CreateCaseDocuments1764000500000,
  EncryptCaseDocuments1764000501000,
  AddExactSearchIndexes1764000700000,
  AddFailedWebhookDeliveryIndex1764000900000,
  AddReferencePrefixIndex1764000910000,
  SupersedeOffersOnClosureInCode1765100000000,
  CreatePortalSessions1765500000000,
  ShowNotifiedEntriesToParties1766100000000,
  AddAccessLinkRecipientIndex1766100001000,
  MaintainKpiAggregates1766500000000,
  AddEmailPrefixIndex1767300000000,
  AddCaseIdentifierTokens1767300001000,
  OrderFlaggedDeadlinesByCase1767400000000,
  IndexFlaggedDeadlinesInCaseOrder1767400001000,
  RollKpiAggregatesUpByYear1767500000000,
  MaintainKpiRemedyFigures1767500001000,
];
