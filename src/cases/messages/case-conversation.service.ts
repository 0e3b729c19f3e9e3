import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RecordedActor } from '../../auth/actor';
import { CaseAcknowledgement } from '../case-acknowledgement';
import { CaseEntity } from '../case.entity';
import { InformationRequestsService } from '../information-requests/information-requests.service';
import { TimelineAudience } from '../timeline/case-timeline';
import { CaseRecorder } from '../case-recorder';

type Speaker = RecordedActor;

interface Posted {
  /** The timeline entry that holds the text. */
  readonly id: string;
  readonly at: Date;
  /** The information request this text answered, if it answered one. */
  readonly answered: string | null;
}

/**
 * Everything said on a case: the customer's messages, the company's responses, the office's
 * messages to either party, and internal notes that never leave the office. Each is a timeline
 * entry, an audit entry and an event, written together.
 */
@Injectable()
export class CaseConversationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recorder: CaseRecorder,
    private readonly requests: InformationRequestsService,
    private readonly acknowledgement: CaseAcknowledgement,
  ) {}

  /** The customer writes; it answers the oldest open question put to them. */
  fromCustomer(c: CaseEntity, actor: Speaker, body: string): Promise<Posted> {
    return this.post(c, actor, 'message.customer', 'customer', body, (m) =>
      this.requests.answer(m, c, 'customer', { text: body, by: actor.sub }),
    );
  }

  /** The company answers a named question, or states its position. */
  fromCompany(
    c: CaseEntity,
    actor: Speaker,
    body: string,
    informationRequestId?: string,
  ): Promise<Posted> {
    return this.post(c, actor, 'message.company', 'company', body, async (m) =>
      informationRequestId
        ? this.requests.answer(m, c, 'company', { text: body, by: actor.sub, informationRequestId })
        : null,
    );
  }

  fromOffice(
    c: CaseEntity,
    actor: Speaker,
    to: 'customer' | 'company',
    body: string,
  ): Promise<Posted> {
    return this.post(c, actor, `message.to_${to}`, to, body, async (m) => {
      await this.acknowledgement.acknowledge(m, c.id);
      return null;
    });
  }

  note(c: CaseEntity, actor: Speaker, body: string): Promise<Posted> {
    return this.post(c, actor, 'note.internal', 'office', body, async () => null);
  }

  private post(
    c: CaseEntity,
    actor: Speaker,
    type: string,
    audience: TimelineAudience,
    body: string,
    also: (manager: EntityManager) => Promise<string | null>,
  ): Promise<Posted> {
    return this.dataSource.transaction(async (manager) => {
      const answered = await also(manager);
      const entry = await this.recorder.record(manager, c, {
        actor,
        timeline: {
          type,
          audience,
          body,
          data: answered ? { informationRequestId: answered } : {},
        },
        audit: { action: type, after: { length: body.length, informationRequestId: answered } },
        // Internal notes are the office's own deliberation: no event carries them outside.
        event:
          audience === 'office'
            ? undefined
            : { type: 'message.posted', payload: { kind: type, answered } },
      });
      return { id: entry.id, at: entry.occurredAt, answered };
    });
  }
}
