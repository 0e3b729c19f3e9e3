import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Money } from '../common/money/money';
import { changedCountOf, rowsOf, text } from '../common/sql-rows';
import { ComplaintEntity } from './complaint.entity';
import { ComplaintKey } from './complaint-cursor';
import { isComplaintReference } from './complaint-reference';
import { complaintNotFound } from './complaints.errors';

export interface FinalResponseRow {
  readonly text: string;
  readonly offer: Money | null;
  readonly respondedAt: Date;
  readonly respondedBy: string;
}

/** The SQL of front-line complaints; every method runs on the caller's manager (transaction). */
@Injectable()
export class ComplaintsRepository {
  /**
   * Inserts unless the source already pushed this externalId, numbering the complaint from
   * `frontline_complaint_reference_seq` in the same statement (`CMP-` and at least six digits,
   * as formatComplaintReference writes them); answers its reference, or null when it was known.
   * A concurrent push of the same id waits on the first one's unique-index entry and then does
   * nothing: exactly one row wins.
   */
  async insertUnlessKnown(
    manager: EntityManager,
    c: Omit<ComplaintEntity, 'reference'>,
  ): Promise<string | null> {
    const rows = rowsOf(
      await manager.query(
        `INSERT INTO frontline_complaint (id, reference, source, external_id, customer_name,
         customer_email, customer_number, subject, description, channel, agent_id, received_at,
         response_due_at)
       SELECT $1, 'CMP-' || lpad(n.v::text, greatest(6, length(n.v::text)), '0'), $2, $3, $4, $5,
              $6, $7, $8, $9, $10, $11, $12
         FROM (SELECT nextval('frontline_complaint_reference_seq') AS v) n
       ON CONFLICT (source, external_id) WHERE external_id IS NOT NULL DO NOTHING
       RETURNING reference`,
        [
          c.id,
          c.source,
          c.externalId,
          c.customerName,
          c.customerEmail,
          c.customerNumber,
          c.subject,
          c.description,
          c.channel,
          c.agentId,
          c.receivedAt,
          c.responseDueAt,
        ],
      ),
      (row) => text(row, 'reference'),
    );
    return rows[0] ?? null;
  }

  findByReference(manager: EntityManager, reference: string): Promise<ComplaintEntity | null> {
    return manager.getRepository(ComplaintEntity).findOneBy({ reference });
  }

  /**
   * The complaint if it is this customer's (e-mail trimmed and lower-cased, or a non-blank
   * customer number, trimmed); the ownership test is part of the one query, so a complaint of
   * someone else costs the same as none.
   */
  findByReferenceForCustomer(
    manager: EntityManager,
    reference: string,
    customer: { email: string; customerNumber?: string },
  ): Promise<ComplaintEntity | null> {
    return manager
      .getRepository(ComplaintEntity)
      .createQueryBuilder('c')
      .where('c.reference = :reference', { reference })
      .andWhere(
        `(lower(btrim(c.customer_email)) = :email
          OR (btrim(c.customer_number) <> '' AND btrim(c.customer_number) = :customerNumber))`,
        {
          email: customer.email.trim().toLowerCase(),
          customerNumber: customer.customerNumber?.trim() ?? '',
        },
      )
      .getOne();
  }

  /** The complaint, or COMPLAINT_NOT_FOUND; a malformed reference never reaches the database. */
  async mustFind(manager: EntityManager, reference: string): Promise<ComplaintEntity> {
    const complaint = isComplaintReference(reference)
      ? await this.findByReference(manager, reference)
      : null;
    if (!complaint) throw complaintNotFound(reference);
    return complaint;
  }

  findByExternalId(
    manager: EntityManager,
    source: string,
    externalId: string,
  ): Promise<ComplaintEntity | null> {
    return manager.getRepository(ComplaintEntity).findOneBy({ source, externalId });
  }

  /** `limit + 1` rows after the key, on ix_frontline_complaint_received. */
  listAfter(
    manager: EntityManager,
    after: ComplaintKey | null,
    limit: number,
  ): Promise<ComplaintEntity[]> {
    const query = manager
      .getRepository(ComplaintEntity)
      .createQueryBuilder('c')
      .orderBy('c.receivedAt', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(limit + 1);
    if (after) {
      query.where('(c.receivedAt, c.id) < (:receivedAt, :id)', {
        receivedAt: after.receivedAt,
        id: after.id,
      });
    }
    return query.getMany();
  }

  /** Conditional: false when another final response got there first. */
  async recordFinalResponse(
    manager: EntityManager,
    id: string,
    response: FinalResponseRow,
  ): Promise<boolean> {
    const affected = changedCountOf(
      await manager.query(
        `UPDATE frontline_complaint
          SET final_response_text = $2, final_response_offer_minor = $3,
              final_response_offer_currency = $4, final_response_at = $5, final_response_by = $6
        WHERE id = $1 AND final_response_at IS NULL`,
        [
          id,
          response.text,
          response.offer?.amountMinor ?? null,
          response.offer?.currency ?? null,
          response.respondedAt,
          response.respondedBy,
        ],
      ),
    );
    return affected === 1;
  }
}
