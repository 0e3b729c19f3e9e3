import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ActorRef } from '../auth/actor';
import { DomainError } from '../common/errors/domain-error';
import { FeedbackDto, GiveFeedbackDto } from './dto/feedback.dto';
import { CaseRecorder } from '../cases/case-recorder';
import { FeedbackRepository } from './feedback.repository';

/** One satisfaction rating per case, once it is closed. */
@Injectable()
export class FeedbackService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recorder: CaseRecorder,
    private readonly feedback: FeedbackRepository,
  ) {}

  /**
   * A case that is not closed yet answers 409 with its status: feedback rates the whole handling,
   * which is known only at the end. The unique constraint makes "once per case" hold under races.
   */
  async give(caseId: string, actor: ActorRef, body: GiveFeedbackDto): Promise<FeedbackDto> {
    return this.dataSource.transaction(async (manager) => {
      const c = await this.feedback.caseForRating(manager, caseId);
      if (!c) throw new DomainError('CASE_NOT_FOUND', `No case ${caseId}`);
      if (c.status !== 'closed') {
        throw new DomainError(
          'FEEDBACK_CASE_NOT_CLOSED',
          'You can rate our service once your case is closed',
          { currentStatus: c.status },
        );
      }
      const row = await this.feedback.insertOnce(
        manager,
        caseId,
        body.rating,
        body.comment ?? null,
      );
      if (!row) {
        throw new DomainError(
          'FEEDBACK_ALREADY_GIVEN',
          'You have already rated our service for this case',
        );
      }
      await this.recorder.record(manager, c, {
        actor,
        audit: { action: 'feedback.given', after: { rating: row.rating, comment: row.comment } },
        event: { type: 'feedback.received', payload: { rating: row.rating } },
      });
      return {
        id: row.id,
        reference: c.reference,
        rating: row.rating,
        comment: row.comment,
        createdAt: row.createdAt.toISOString(),
      };
    });
  }
}
