import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '../database/bigint-transformer';
import type { CaseOutcome, CaseStatus } from './case-lifecycle';

/** Persistence shape of `ombudsman_case`. Status changes go through CaseTransitionsService, never save(). */
@Entity({ name: 'ombudsman_case' })
export class CaseEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') reference!: string;
  @Column('text') status!: CaseStatus;
  @Column('text', { nullable: true }) outcome!: CaseOutcome | null;
  @Column('integer') version!: number;
  @Column('text', { name: 'customer_name' }) customerName!: string;
  @Column('text', { name: 'customer_email' }) customerEmail!: string;
  @Column('text', { name: 'customer_number', nullable: true }) customerNumber!: string | null;
  @Column('text', { name: 'complaint_reference', nullable: true }) complaintReference!:
    string | null;
  @Column('text', { name: 'frontline_agent_id', nullable: true }) frontlineAgentId!: string | null;
  @Column('text') subject!: string;
  @Column('text') description!: string;
  @Column('text', { name: 'desired_outcome', nullable: true }) desiredOutcome!: string | null;
  @Column('bigint', { name: 'amount_minor', nullable: true, transformer: bigintToNumber })
  amountMinor!: number | null;
  @Column('char', { name: 'amount_currency', length: 3, nullable: true }) amountCurrency!:
    string | null;
  @Column('text') category!: string;
  @Column('text') language!: 'en' | 'ru' | 'zh';
  @Column('text', { name: 'eligibility_reason', nullable: true }) eligibilityReason!: string | null;
  @Column('text', { name: 'assigned_officer_id', nullable: true }) assignedOfficerId!:
    string | null;
  @Column('text', { name: 'assigned_officer_name', nullable: true }) assignedOfficerName!:
    string | null;
  @Column('bytea', { name: 'access_token_hash', select: false }) accessTokenHash!: Buffer;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('timestamptz', { name: 'acknowledged_at', nullable: true }) acknowledgedAt!: Date | null;
  @Column('timestamptz', { name: 'accepted_at', nullable: true }) acceptedAt!: Date | null;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt!: Date | null;
}
