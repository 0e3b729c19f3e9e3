import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '../database/bigint-transformer';

export type DeadlineKind =
  | 'acknowledge'
  | 'frontline_response'
  | 'outcome'
  | 'decision_answer'
  | 'remedy_payment'
  | 'information_request';

export const DEADLINE_PARTIES = ['office', 'company', 'customer'] as const;
/** Who owes the deadline. */
export type DeadlineParty = (typeof DEADLINE_PARTIES)[number];

@Entity({ name: 'case_deadline' })
export class DeadlineEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('text') kind!: DeadlineKind;
  @Column('text') party!: DeadlineParty;
  @Column('uuid', { name: 'subject_id', nullable: true }) subjectId!: string | null;
  @Column('timestamptz', { name: 'started_at' }) startedAt!: Date;
  @Column('timestamptz', { name: 'due_at' }) dueAt!: Date;
  @Column('timestamptz', { name: 'paused_since', nullable: true }) pausedSince!: Date | null;
  @Column('bigint', { name: 'paused_seconds', transformer: bigintToNumber }) pausedSeconds!: number;
  @Column('timestamptz', { name: 'met_at', nullable: true }) metAt!: Date | null;
  @Column('timestamptz', { name: 'breached_at', nullable: true }) breachedAt!: Date | null;
  @Column('timestamptz', { name: 'at_risk_at', nullable: true }) atRiskAt!: Date | null;
  /** 80% of the running time; moves with due_at when a pause ends. */
  @Column('timestamptz', { name: 'at_risk_due_at' }) atRiskDueAt!: Date;
  /** The case closed while the deadline was still owed. */
  @Column('timestamptz', { name: 'cancelled_at', nullable: true }) cancelledAt!: Date | null;
}
