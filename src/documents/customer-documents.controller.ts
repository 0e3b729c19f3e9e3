import { Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { actorRef, CustomerActor } from '../auth/actor';
import { CaseReaderService } from '../cases/case-reader.service';
import { ApiProblems } from '../common/openapi/api-problems';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CaseTokenAuth } from '../cases/access/case-token.guard';
import { CurrentCustomer } from '../cases/access/current-customer.decorator';
import { DOCUMENT_ID, DocumentContentRoute, sendDocument } from './document-download';
import { DocumentsService } from './documents.service';
import { DocumentDto, DocumentPageDto } from './dto/document.dto';
import { UPLOAD_BODY } from './dto/document-requests.dto';
import { receiveUpload, UploadRoute } from './upload/upload-route';
import { toDocumentDto } from './views/document-dto.mapper';

/** The customer's documents on their case: what they sent, and what the office shared with them. */
@ApiTags('escalations (customers)')
@Controller('v1/escalations/:reference/documents')
@CaseTokenAuth()
@ApiParam({ name: 'reference', example: 'OMB-2026-000001' })
export class CustomerDocumentsController {
  constructor(
    private readonly cases: CaseReaderService,
    private readonly documents: DocumentsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @UploadRoute(UPLOAD_BODY)
  @ApiOperation({
    summary: 'Add a document to your case (multipart/form-data: file, description?)',
    description:
      'Seen by you and the ombudsman; the ombudsman decides whether the company sees it. ' +
      'Accepted: PDF, PNG, JPEG, WebP, HEIC, plain text, CSV, DOCX, XLSX, ODT, EML, judged by content.',
  })
  async upload(
    @CurrentCustomer() customer: CustomerActor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DocumentDto> {
    const c = await this.cases.byId(customer.caseId);
    const doc = await receiveUpload(request, reply, this.config.documents.maxBytes, (form) =>
      this.documents.upload(c, { side: 'customer', actor: actorRef(customer) }, form),
    );
    return toDocumentDto(doc);
  }

  @Get()
  @ApiOperation({ summary: 'The documents on your case that you may see' })
  @ApiOkResponse({ type: DocumentPageDto })
  @ApiProblems(400)
  async list(
    @CurrentCustomer() customer: CustomerActor,
    @Query() query: PageQueryDto,
  ): Promise<DocumentPageDto> {
    const c = await this.cases.byId(customer.caseId);
    const page = await this.documents.list(c, 'customer', query);
    return { items: page.items.map(toDocumentDto), nextCursor: page.nextCursor };
  }

  @DocumentContentRoute()
  @ApiProblems(500)
  async download(
    @CurrentCustomer() customer: CustomerActor,
    @Param('id', DOCUMENT_ID) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const c = await this.cases.byId(customer.caseId);
    return sendDocument(reply, await this.documents.open(c, 'customer', id));
  }
}
