import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { partyAccessExpired } from '../document-visibility';
import { DocumentsRepository } from '../documents.repository';
import { DocumentDto, StaffDocumentDto } from '../dto/document.dto';
import { DocumentFacts, toDocumentDto, toStaffDocumentDto } from './document-dto.mapper';

interface CaseFacts {
  readonly id: string;
  readonly closedAt: Date | null;
}

/** Shown in every view of a case; the case files hold at most DOCUMENT_MAX_PER_CASE. */
const VIEW_LIMIT = 100_000;

/** The documents each view of a case shows: the customer's, the company's and the office's. */
@Injectable()
export class DocumentViews {
  constructor(
    private readonly documents: DocumentsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async forParty(c: CaseFacts, party: 'customer' | 'company'): Promise<DocumentDto[]> {
    if (this.partyAccessExpired(c)) return [];
    const docs = await this.documents.list(c.id, party, { limit: VIEW_LIMIT });
    return docs.map(toDocumentDto);
  }

  /** The same view of documents a page read already, with the party's own visibility rule. */
  ofPartyRead(c: Pick<CaseFacts, 'closedAt'>, docs: readonly DocumentFacts[]): DocumentDto[] {
    return this.partyAccessExpired(c) ? [] : docs.map(toDocumentDto);
  }

  private partyAccessExpired(c: Pick<CaseFacts, 'closedAt'>): boolean {
    const days = this.config.documents.partyAccessDaysAfterClosure;
    return partyAccessExpired(c.closedAt, new Date(), days);
  }

  async forStaff(c: CaseFacts): Promise<StaffDocumentDto[]> {
    const docs = await this.documents.list(c.id, 'office', { limit: VIEW_LIMIT });
    return docs.map(toStaffDocumentDto);
  }
}
