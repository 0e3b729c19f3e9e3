import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'case_timeline_entry' })
export class TimelineEntryEntity {
  @PrimaryColumn('bigint') id!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('text') type!: string;
  @Column('text', { name: 'actor_sub' }) actorSub!: string;
  @Column('text', { name: 'actor_role' }) actorRole!: string;
  @Column('text', { name: 'actor_name', nullable: true }) actorName!: string | null;
  @Column('text', { nullable: true }) body!: string | null;
  @Column('jsonb') data!: Record<string, unknown>;
  @Column('boolean', { name: 'visible_to_customer' }) visibleToCustomer!: boolean;
  @Column('boolean', { name: 'visible_to_company' }) visibleToCompany!: boolean;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
}
