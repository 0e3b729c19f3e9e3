import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '../database/bigint-transformer';

/** The persistence shape of a front-line complaint (migration 1764000002000 owns the table). */
@Entity({ name: 'frontline_complaint' })
export class ComplaintEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_frontline_complaint' })
  id!: string;

  @Column({ type: 'text' })
  reference!: string;

  /** Who pushed or created it: the caller's token subject, or `ombudsman` for a referral. */
  @Column({ type: 'text' })
  source!: string;

  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId!: string | null;

  @Column({ name: 'customer_name', type: 'text' })
  customerName!: string;

  @Column({ name: 'customer_email', type: 'text' })
  customerEmail!: string;

  @Column({ name: 'customer_number', type: 'text', nullable: true })
  customerNumber!: string | null;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text', nullable: true })
  channel!: string | null;

  @Column({ name: 'agent_id', type: 'text' })
  agentId!: string;

  @Column({ name: 'received_at', type: 'timestamptz', precision: 3 })
  receivedAt!: Date;

  @Column({ name: 'response_due_at', type: 'timestamptz', precision: 3 })
  responseDueAt!: Date;

  @Column({ name: 'final_response_text', type: 'text', nullable: true })
  finalResponseText!: string | null;

  /** Minor units; the CHECK keeps it within Number.MAX_SAFE_INTEGER. */
  @Column({
    name: 'final_response_offer_minor',
    type: 'bigint',
    nullable: true,
    transformer: bigintToNumber,
  })
  finalResponseOfferMinor!: number | null;

  @Column({ name: 'final_response_offer_currency', type: 'char', length: 3, nullable: true })
  finalResponseOfferCurrency!: string | null;

  @Column({ name: 'final_response_at', type: 'timestamptz', precision: 3, nullable: true })
  finalResponseAt!: Date | null;

  @Column({ name: 'final_response_by', type: 'text', nullable: true })
  finalResponseBy!: string | null;
}
