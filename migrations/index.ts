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
];
