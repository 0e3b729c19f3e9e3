import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { namedRef, StaffActor } from '../auth/actor';
import { CurrentStaff, Roles } from '../auth/auth.decorators';
import { CaseReaderService } from '../cases/case-reader.service';
import { StaffCaseWrites } from '../cases/conflicts/staff-case-writes.decorator';
import { ApiProblems } from '../common/openapi/api-problems';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DOCUMENT_ID, DocumentContentRoute, sendDocument } from './document-download';
import { DocumentsService } from './documents.service';
import { StaffDocumentDto, StaffDocumentPageDto } from './dto/document.dto';
import { ShareDocumentDto, UPLOAD_BODY, WithdrawDocumentDto } from './dto/document-requests.dto';
import { receiveUpload, UploadRoute } from './upload/upload-route';
import { toStaffDocumentDto } from './views/document-dto.mapper';

const STAFF = ['ombudsman_officer', 'ombudsman'] as const;
const READERS = [...STAFF, 'auditor'] as const;

/** Every document on a case, for the office: upload, share with a party, withdraw from view. */
@ApiTags('cases (ombudsman staff)')
@Controller('v1/admin/cases/:reference/documents')
@ApiParam({ name: 'reference', example: 'OMB-2026-000001' })
@ApiProblems(404)
@StaffCaseWrites()
export class StaffDocumentsController {
  constructor(
    private readonly cases: CaseReaderService,
    private readonly documents: DocumentsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @Roles(...STAFF)
  @UploadRoute(UPLOAD_BODY, StaffDocumentDto)
  @ApiOperation({
    summary: 'Add an office document to a case (multipart/form-data: file, description?)',
    description: 'Internal until shared with a party.',
  })
  async upload(
    @Param('reference') reference: string,
    @CurrentStaff() actor: StaffActor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StaffDocumentDto> {
    const c = await this.cases.byReference(reference);
    const doc = await receiveUpload(request, reply, this.config.documents.maxBytes, (form) =>
      this.documents.upload(c, { side: 'office', actor: namedRef(actor) }, form),
    );
    return toStaffDocumentDto(doc);
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Every document on a case, withdrawn ones included' })
  @ApiOkResponse({ type: StaffDocumentPageDto })
  @ApiProblems(400)
  async list(
    @Param('reference') reference: string,
    @Query() query: PageQueryDto,
  ): Promise<StaffDocumentPageDto> {
    const page = await this.documents.list(
      await this.cases.byReference(reference),
      'office',
      query,
    );
    return { items: page.items.map(toStaffDocumentDto), nextCursor: page.nextCursor };
  }

  @DocumentContentRoute()
  @Roles(...READERS)
  async download(
    @Param('reference') reference: string,
    @Param('id', DOCUMENT_ID) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const c = await this.cases.byReference(reference);
    return sendDocument(reply, await this.documents.open(c, 'office', id));
  }

  @Post(':id/share')
  @Roles(...STAFF)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Show a document to the customer or the company',
    description:
      'Sharing with a party that already sees it changes nothing. A withdrawn document answers 409.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: StaffDocumentDto })
  @ApiProblems(400, 409)
  async share(
    @Param('reference') reference: string,
    @Param('id', DOCUMENT_ID) id: string,
    @Body() body: ShareDocumentDto,
    @CurrentStaff() actor: StaffActor,
  ): Promise<StaffDocumentDto> {
    const c = await this.cases.byReference(reference);
    return toStaffDocumentDto(await this.documents.share(c, id, body.with, namedRef(actor)));
  }

  @Post(':id/withdraw')
  @Roles(...STAFF)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Withdraw a document from the parties’ view, with a reason',
    description:
      'Nothing is deleted: the office keeps the file and its history. Twice answers 409.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: StaffDocumentDto })
  @ApiProblems(400, 409)
  async withdraw(
    @Param('reference') reference: string,
    @Param('id', DOCUMENT_ID) id: string,
    @Body() body: WithdrawDocumentDto,
    @CurrentStaff() actor: StaffActor,
  ): Promise<StaffDocumentDto> {
    const c = await this.cases.byReference(reference);
    return toStaffDocumentDto(await this.documents.withdraw(c, id, body.reason, namedRef(actor)));
  }
}
