import { ComplaintEntity } from './frontline/complaint.entity';
import { CaseEntity } from './cases/case.entity';
import { TimelineEntryEntity } from './cases/timeline/timeline-entry.entity';
import { DeadlineEntity } from './sla/deadline.entity';
import { CaseDocumentEntity } from './documents/case-document.entity';

/** Every TypeORM entity of the service; modules add theirs here. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ENTITIES: Function[] = [
  ComplaintEntity,
  CaseEntity,
  TimelineEntryEntity,
  DeadlineEntity,
  CaseDocumentEntity,
];
