import { Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { namedRef, StaffActor } from '../auth/actor';
import { CurrentStaff, Roles } from '../auth/auth.decorators';
import { CaseReaderService } from '../cases/case-reader.service';
import { ApiProblems } from '../common/openapi/api-problems';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DOCUMENT_ID, DocumentContentRoute, sendDocument } from './document-download';
import { DocumentsService } from './documents.service';
import { DocumentDto, DocumentPageDto } from './dto/document.dto';
import { COMPANY_UPLOAD_BODY } from './dto/document-requests.dto';
import { receiveUpload, UploadRoute } from './upload/upload-route';
import { toDocumentDto } from './views/document-dto.mapper';

/** The company's documents on a case: its own, and those the office shared with it. */
@ApiTags('cases (company)')
@Controller('v1/frontline/cases/:reference/documents')
@Roles('frontline_agent', 'integration')
@ApiParam({ name: 'reference', example: 'OMB-2026-000001' })
@ApiProblems(404)
export class CompanyDocumentsController {
  constructor(
    private readonly cases: CaseReaderService,
    private readonly documents: DocumentsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @UploadRoute(COMPANY_UPLOAD_BODY)
  @ApiOperation({
    summary:
      'Add the company’s document to a case (multipart/form-data: file, description?, informationRequestId?)',
    description:
      'With `informationRequestId` it answers that open information request to the company. ' +
      'Seen by the company and the ombudsman; the ombudsman decides whether the customer sees it.',
  })
  async upload(
    @Param('reference') reference: string,
    @CurrentStaff() actor: StaffActor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DocumentDto> {
    const c = await this.cases.byReference(reference);
    const uploader = { side: 'company' as const, actor: namedRef(actor) };
    const doc = await receiveUpload(request, reply, this.config.documents.maxBytes, (form) =>
      this.documents.upload(c, uploader, form),
    );
    return toDocumentDto(doc);
  }

  @Get()
  @ApiOperation({ summary: 'The documents on a case that the company may see' })
  @ApiOkResponse({ type: DocumentPageDto })
  @ApiProblems(400)
  async list(
    @Param('reference') reference: string,
    @Query() query: PageQueryDto,
  ): Promise<DocumentPageDto> {
    const page = await this.documents.list(
      await this.cases.byReference(reference),
      'company',
      query,
    );
    return { items: page.items.map(toDocumentDto), nextCursor: page.nextCursor };
  }

  @DocumentContentRoute()
  async download(
    @Param('reference') reference: string,
    @Param('id', DOCUMENT_ID) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const c = await this.cases.byReference(reference);
    return sendDocument(reply, await this.documents.open(c, 'company', id));
  }
}
