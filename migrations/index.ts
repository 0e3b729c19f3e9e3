import { CreateAuditLog1764000000000 } from './1764000000000-create-audit-log';
import { CreateOutbox1764000001000 } from './1764000001000-create-outbox';

/** Every migration in order; listed explicitly so the same list runs from src, dist and tests. */
export const MIGRATIONS = [CreateAuditLog1764000000000, CreateOutbox1764000001000];
