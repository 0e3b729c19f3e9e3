import { Body, Controller, Get, Inject, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { isEmail } from 'class-validator';
import { actorRef } from '../auth/actor';
import { Public } from '../auth/auth.decorators';
import { CaseReaderService } from '../cases/case-reader.service';
import { DocumentsService } from '../documents/documents.service';
import { DomainError } from '../common/errors/domain-error';
import { IdempotencyService } from '../common/idempotency/idempotency.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CATEGORIES } from '../cases/case-category';
import { IntakeService } from '../escalation/intake.service';
import { AccessLinkService } from '../mail/access-link/access-link.service';
import { PublicRateLimit } from '../rate-limit/public-rate-limit.decorator';
import { EscalationReceiptDto } from '../views/customer/customer-view.dto';
import { CURRENCIES, FieldErrors, parseFilingForm } from './forms/filing-form';
import { PortalErrorFilter } from './portal-error.filter';
import { pageLanguage, PortalForm, PortalUploadForm, renderPage } from './portal-pages';
import { PortalSessions } from './session/portal-sessions';
import { fill, LANGUAGES, Language, portalTexts, PortalTexts } from './texts/portal-texts';
import { FILING_MAX_DOCUMENTS, FilingParts } from './forms/filing-parts';

interface AttachedResult {
  readonly name: string;
  readonly error?: string;
}

type Form = Record<string, string | undefined>;
const KEY = /^[0-9a-f-]{36}$/;
const CONFLICT_RETRIES = 10;

/** The pages anyone may open: the office, the filing form, and "I lost my link". */
@ApiExcludeController()
@Controller()
@Public()
@PublicRateLimit()
@UseFilters(PortalErrorFilter)
export class PortalPublicController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly idempotency: IdempotencyService,
    private readonly intake: IntakeService,
    private readonly links: AccessLinkService,
    private readonly sessions: PortalSessions,
    private readonly cases: CaseReaderService,
    private readonly documents: DocumentsService,
  ) {}

  @Get()
  async home(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const lang = pageLanguage(request, reply);
    await renderPage(request, reply, 'home', lang, {
      months: this.config.policy.escalationTimeLimitMonths,
    });
  }

  @Get('file')
  async fileForm(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const lang = pageLanguage(request, reply);
    await this.renderForm(request, reply, lang, { preferredLanguage: lang }, {});
  }

  /**
   * Files through the API's intake. The form carries a key made when it was shown, so a second
   * press of the button (or a reload of the post) answers with the first filing, never a second.
   * Documents chosen in the form are added to the case just filed, one by one, with the limits
   * and refusals of any upload (src/documents/documents.service.ts); the filed page says which.
   */
  @Post('file')
  @PortalUploadForm()
  async file(
    @Body() body: Form | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const lang = pageLanguage(request, reply);
    const t = portalTexts(lang);
    const parts = request.isMultipart()
      ? FilingParts.open(request, this.config.documents.maxBytes)
      : undefined;
    const form: Form = parts ? await parts.fields() : (body ?? {});
    const parsed = await parseFilingForm(form, t);
    const key = KEY.test(form.idempotencyKey ?? '') ? form.idempotencyKey : undefined;
    const refuse = async (errors: FieldErrors, status: number) => {
      const chosen = parts ? await parts.discard() : 0;
      const all = chosen > 0 ? { ...errors, documents: t.errors.documentsAgain } : errors;
      return this.renderForm(request, reply, lang, parsed.values, all, key, status);
    };
    if (!parsed.dto) return refuse(parsed.errors, 400);
    const dto = parsed.dto;
    let filed: { receipt: EscalationReceiptDto; replayed: boolean };
    try {
      const linked = await this.intake.prepare(dto);
      filed = await this.fileOnce(key, dto, linked);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'COMPLAINT_REFERENCE_UNKNOWN') {
        return refuse({ complaintReference: t.errors.complaintUnknown }, 422);
      }
      throw error;
    }
    const { receipt } = filed;
    await this.sessions.start(reply, receipt.id);
    // A replay's documents went with the first post of the form.
    let documents: AttachedResult[] = [];
    if (parts && filed.replayed) await parts.discard();
    else if (parts) documents = await this.attach(parts, receipt, t);
    const link = `${this.config.mail.publicBaseUrl}/cases/${receipt.reference}#access-token=${receipt.accessToken}`;
    await renderPage(request, reply, 'filed', lang, { receipt, link, documents });
  }

  /** Each document the form carries, added to the new case or refused with its reason. */
  private async attach(
    parts: FilingParts,
    receipt: EscalationReceiptDto,
    t: PortalTexts,
  ): Promise<AttachedResult[]> {
    const c = await this.cases.byReference(receipt.reference);
    const actor = actorRef({ kind: 'customer', caseId: c.id, reference: c.reference });
    const results: AttachedResult[] = [];
    for await (const document of parts.documents()) {
      const name = document.filename;
      if (results.length >= FILING_MAX_DOCUMENTS) {
        await document.discard();
        results.push({ name, error: fill(t.errors.documentsTooMany, this.documentLimits()) });
        continue;
      }
      try {
        await this.documents.upload(c, { side: 'customer', actor }, document);
        results.push({ name });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        await document.discard();
        results.push({ name, error: this.documentRefusal(error, t) });
      }
    }
    return results;
  }

  private documentRefusal(error: DomainError, t: PortalTexts): string {
    switch (error.code) {
      case 'DOCUMENT_TOO_LARGE':
        return fill(t.errors.documentTooLarge, this.documentLimits());
      case 'DOCUMENT_TYPE_NOT_ALLOWED':
        return t.errors.documentType;
      case 'DOCUMENT_EMPTY':
        return t.errors.documentEmpty;
      default:
        return t.errors.documentFailed;
    }
  }

  private documentLimits(): { count: number; size: number } {
    const size = Math.floor(this.config.documents.maxBytes / (1024 * 1024));
    return { count: FILING_MAX_DOCUMENTS, size };
  }

  /** A second post of the same form waits for the first one instead of failing. */
  private async fileOnce(
    key: string | undefined,
    dto: Parameters<IntakeService['file']>[1],
    linked: Awaited<ReturnType<IntakeService['prepare']>>,
  ): Promise<{ receipt: EscalationReceiptDto; replayed: boolean }> {
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await this.idempotency.execute<EscalationReceiptDto>({
          scope: 'portal.file',
          key,
          request: dto,
          work: async (manager) => ({
            status: 201,
            body: await this.intake.file(manager, dto, linked),
          }),
        });
        return { receipt: result.body, replayed: result.replayed };
      } catch (error) {
        const running = error instanceof DomainError && error.code === 'IDEMPOTENCY_IN_FLIGHT';
        if (!running || attempt >= CONFLICT_RETRIES) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  private renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Language,
    values: Form,
    errors: FieldErrors & { documents?: string },
    key: string = randomUUID(),
    status = 200,
  ): Promise<void> {
    return renderPage(
      request,
      reply,
      'file',
      lang,
      {
        values,
        errors,
        key,
        categories: CATEGORIES,
        currencies: CURRENCIES,
        caseLanguages: LANGUAGES,
        ...this.documentLimits(),
      },
      status,
    );
  }

  @Get('access')
  async accessForm(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const lang = pageLanguage(request, reply);
    await renderPage(request, reply, 'access', lang, this.accessData({}, {}));
  }

  @Post('access')
  @PortalForm()
  async access(
    @Body() form: Form,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const lang = pageLanguage(request, reply);
    const t = portalTexts(lang);
    const values = { reference: (form.reference ?? '').trim(), email: (form.email ?? '').trim() };
    const errors: Record<string, string> = {};
    if (!values.reference) errors.reference = t.errors.required;
    else if (values.reference.length > 64) errors.reference = fillMax(t, 64);
    if (!values.email) errors.email = t.errors.required;
    else if (!isEmail(values.email) || values.email.length > 254) errors.email = t.errors.email;
    if (Object.keys(errors).length > 0 || !this.mailOn()) {
      return renderPage(request, reply, 'access', lang, this.accessData(values, errors), 400);
    }
    await this.links.request(values.reference.toUpperCase(), values.email);
    await renderPage(request, reply, 'access', lang, {
      ...this.accessData(values, {}),
      sent: true,
    });
  }

  private mailOn(): boolean {
    return this.config.mail.tokenKey !== undefined;
  }

  private accessData(values: Form, errors: Record<string, string>) {
    return { values, errors, sent: false, mailOn: this.mailOn() };
  }
}

function fillMax(t: ReturnType<typeof portalTexts>, max: number): string {
  return t.errors.tooLong.replace('{max}', String(max));
}
