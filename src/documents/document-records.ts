import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { RecordedActor } from '../auth/actor';
import { CaseRecorder, RecordedCase } from '../cases/case-recorder';
import { TimelineAudience } from '../cases/timeline/case-timeline';
import { CaseDocumentEntity } from './case-document.entity';
import { visibleTo } from './document-visibility';

type DocumentEvent = 'document.added' | 'document.shared' | 'document.withdrawn';
type Recorded = RecordedActor;
type CaseRef = RecordedCase;

/**
 * What a document's change records, through the case's one recorder: a timeline entry for those
 * who may see the document (never the file itself), an entry in the case's audit chain that
 * carries the file's SHA-256 and the digest of its stored frames, and an event, in the caller's
 * transaction.
 */
@Injectable()
export class DocumentRecords {
  constructor(private readonly recorder: CaseRecorder) {}

  async added(m: EntityManager, c: CaseRef, doc: CaseDocumentEntity, actor: Recorded) {
    await this.record(m, c, doc, actor, 'document.added', audienceOf(doc), {
      informationRequestId: doc.informationRequestId,
    });
  }

  async shared(m: EntityManager, c: CaseRef, doc: CaseDocumentEntity, actor: Recorded, to: string) {
    await this.record(m, c, doc, actor, 'document.shared', audienceOf(doc), { with: to });
  }

  /** Announced to those who could see it; the reason stays with the office. */
  async withdrawn(
    m: EntityManager,
    c: CaseRef,
    before: CaseDocumentEntity,
    after: CaseDocumentEntity,
    actor: Recorded,
  ) {
    await this.record(m, c, after, actor, 'document.withdrawn', audienceOf(before), {
      reason: after.withdrawnReason,
    });
  }

  private async record(
    m: EntityManager,
    c: CaseRef,
    doc: CaseDocumentEntity,
    actor: Recorded,
    type: DocumentEvent,
    audience: TimelineAudience,
    extra: Record<string, unknown>,
  ): Promise<void> {
    const { reason, ...facts } = extra;
    const shown = {
      documentId: doc.id,
      filename: doc.filename,
      contentType: doc.contentType,
      size: doc.size,
    };
    await this.recorder.record(m, c, {
      actor,
      timeline: {
        type,
        audience,
        body: typeof reason === 'string' ? reason : undefined,
        bodyAudience: typeof reason === 'string' ? 'office' : undefined,
        data: shown,
      },
      audit: {
        action: type,
        after: {
          ...shown,
          sha256: doc.sha256,
          storedDigest: createHash('sha256').update(doc.chunkDigests).digest('hex'),
          visibleTo: visibleTo(doc),
          ...extra,
        },
      },
      event: {
        type: type satisfies 'document.added' | 'document.shared' | 'document.withdrawn',
        payload: { documentId: doc.id, visibleTo: visibleTo(doc), ...facts },
      },
    });
  }
}

/** The timeline's audience: everyone the document is visible to besides the office. */
function audienceOf(doc: CaseDocumentEntity): TimelineAudience {
  const parties = visibleTo(doc).filter((a) => a !== 'ombudsman');
  if (parties.length === 2) return 'everyone';
  return parties[0] ?? 'office';
}
