import {
  Body,
  Controller,
  Get,
  Inject,
  Param,
  Post,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { actorRef, CustomerActor } from '../auth/actor';
import { Public } from '../auth/auth.decorators';
import { CaseAccessService } from '../cases/case-access.service';
import { CaseReaderService } from '../cases/case-reader.service';
import { CaseTransitionsService } from '../cases/case-transitions.service';
import { CaseEntity } from '../cases/case.entity';
import { caseNotFound } from '../cases/cases.errors';
import { CaseTokenGuard } from '../cases/access/case-token.guard';
import { CaseConversationService } from '../cases/messages/case-conversation.service';
import { MULTIPART_ROUTE } from '../common/http/multipart-routes';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DecisionAnswersService } from '../decisions/decision-answers.service';
import { sendDocument } from '../documents/document-download';
import { DocumentsService } from '../documents/documents.service';
import { receiveUpload } from '../documents/upload/upload-route';
import { UploadForm } from '../documents/upload/upload-form';
import { FeedbackService } from '../feedback/feedback.service';
import { ProposalAnswersService } from '../mediation/answers/proposal-answers.service';
import { formatMoney, Money } from '../common/money/money';
import { PublicRateLimit } from '../rate-limit/public-rate-limit.decorator';
import { CustomerViewService } from '../views/customer/customer-view.service';
import { CustomerViewDto } from '../views/customer/customer-view.dto';
import { PortalCaseRepository } from './portal-case.repository';
import { PortalErrorFilter } from './portal-error.filter';
import { CsrfGuard, pageLanguage, PortalForm, renderPage, seeOther } from './portal-pages';
import { PortalSessions } from './session/portal-sessions';
import { fill, portalTexts } from './texts/portal-texts';

type Form = Record<string, string | undefined>;
type Flash = 'sent' | 'answered' | 'withdrawn' | 'rated' | 'uploaded';
const FLASHES: readonly Flash[] = ['sent', 'answered', 'withdrawn', 'rated', 'uploaded'];
const FLASH_COOKIE = 'omb-flash';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const text = (value: string | undefined, max: number) => {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? undefined : trimmed.slice(0, max);
};

/**
 * The customer's case, once the access token has been taken out of the link into a session.
 * Every action calls the service the API's routes call; none decides anything itself.
 */
@ApiExcludeController()
@Controller('cases/:reference')
@Public()
@PublicRateLimit()
@UseFilters(PortalErrorFilter)
export class PortalCaseController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: PortalSessions,
    private readonly access: CaseAccessService,
    private readonly tokenGuard: CaseTokenGuard,
    private readonly cases: CaseReaderService,
    private readonly view: CustomerViewService,
    private readonly conversation: CaseConversationService,
    private readonly transitions: CaseTransitionsService,
    private readonly proposalAnswers: ProposalAnswersService,
    private readonly decisionAnswers: DecisionAnswersService,
    private readonly feedback: FeedbackService,
    private readonly documents: DocumentsService,
    private readonly casePage: PortalCaseRepository,
  ) {}

  @Get()
  async read(
    @Param('reference') reference: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    // The session, the case and what the page shows come in one statement.
    const idHash = this.sessions.idHashOf(request);
    const read = idHash ? await this.casePage.read(idHash, reference.slice(0, 64)) : null;
    if (!read) {
      const lang = pageLanguage(request, reply);
      return renderPage(request, reply, 'open', lang, { reference: reference.slice(0, 64) });
    }
    const view = await this.view.fromRead(read, pageLanguage(request, reply, read.case.language));
    const flash = request.cookies[FLASH_COOKIE] as Flash | undefined;
    if (flash) void reply.clearCookie(FLASH_COOKIE, { path: '/' });
    await this.renderCase(request, reply, view, {
      flash: FLASHES.includes(flash as Flash) ? flash : undefined,
    });
  }

  /** The token from the link (put in the form by /portal/portal.js, or pasted): a session. */
  @Post('open')
  @PortalForm()
  async open(
    @Param('reference') reference: string,
    @Body() form: Form,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const token = (form.token ?? '').trim().slice(0, 200);
    const opened = await this.access
      .open(reference, token)
      .catch((error: unknown) => this.tokenGuard.refuse(reference, error));
    await this.sessions.start(reply, opened.caseId);
    seeOther(reply, `/cases/${encodeURIComponent(opened.reference)}`);
  }

  @Post('sign-out')
  @PortalForm()
  async signOut(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.sessions.end(request, reply);
    seeOther(reply, '/');
  }

  @Post('messages')
  @PortalForm()
  async message(
    @Param('reference') reference: string,
    @Body() form: Form,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const customer = await this.customer(request, reference);
    const c = await this.cases.byId(customer.caseId);
    const body = (form.body ?? '').trim();
    if (body === '' || body.length > 10000) {
      const t = portalTexts(pageLanguage(request, reply, c.language));
      const message = body === '' ? t.errors.required : fill(t.errors.tooLong, { max: 10000 });
      return this.renderCase(request, reply, await this.viewIn(request, reply, c), {
        errors: { body: message },
        values: { body },
        status: 400,
      });
    }
    await this.conversation.fromCustomer(c, actorRef(customer), body);
    this.done(reply, reference, 'sent');
  }

  /** Accepting asks first, in words, what accepting means; then the mediation service answers. */
  @Post('proposals/answer')
  @PortalForm()
  async answerProposal(
    @Param('reference') reference: string,
    @Body() form: Form,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const customer = await this.customer(request, reference);
    const proposalId = form.proposalId ?? '';
    const answer = form.answer === 'accepted' ? 'accepted' : 'rejected';
    if (!UUID.test(proposalId)) throw caseNotFound(reference);
    if (answer === 'accepted' && form.confirmed !== 'yes') {
      return this.confirm(request, reply, customer, 'proposal', form);
    }
    await this.proposalAnswers.answer(
      customer.caseId,
      proposalId,
      'customer',
      answer,
      actorRef(customer),
      text(form.reason, 2000),
    );
    this.done(reply, reference, 'answered');
  }

  @Post('decision/answer')
  @PortalForm()
  async answerDecision(
    @Param('reference') reference: string,
    @Body() form: Form,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const customer = await this.customer(request, reference);
    const answer = form.answer === 'accepted' ? 'accepted' : 'rejected';
    if (form.confirmed !== 'yes') return this.confirm(request, reply, customer, 'decision', form);
    await this.decisionAnswers.answer(
      customer.caseId,
      answer,
      actorRef(customer),
      text(form.reason, 2000),
    );
    this.done(reply, reference, 'answered');
  }

  @Post('withdraw')
  @PortalForm()
  async withdraw(
    @Param('reference') reference: string,
    @Body() form: Form,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const customer = await this.customer(request, reference);
    if (form.confirmed !== 'yes') return this.confirm(request, reply, customer, 'withdraw', form);
    await this.transitions.apply({
      caseId: customer.caseId,
      command: 'withdraw',
      actor: actorRef(customer),
      reason: text(form.reason, 2000),
    });
    this.done(reply, reference, 'withdrawn');
  }

  @Post('feedback')
  @PortalForm()
  async rate(
    @Param('reference') reference: string,
    @Body() form: Form,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const customer = await this.customer(request, reference);
    const rating = Number(form.rating);
    if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
      const c = await this.cases.byId(customer.caseId);
      const t = portalTexts(pageLanguage(request, reply, c.language));
      return this.renderCase(request, reply, await this.viewIn(request, reply, c), {
        errors: { rating: t.errors.rating },
        status: 400,
      });
    }
    await this.feedback.give(customer.caseId, actorRef(customer), {
      rating,
      comment: text(form.comment, 2000),
    });
    this.done(reply, reference, 'rated');
  }

  /** A file streams in as multipart; its form carries the CSRF token in the action's query. */
  @Post('documents')
  @RouteConfig({ [MULTIPART_ROUTE]: true })
  @UseGuards(CsrfGuard)
  async upload(
    @Param('reference') reference: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const customer = await this.customer(request, reference);
    const c = await this.cases.byId(customer.caseId);
    await receiveUpload(request, reply, this.config.documents.maxBytes, (form: UploadForm) =>
      this.documents.upload(c, { side: 'customer', actor: actorRef(customer) }, form),
    );
    this.done(reply, reference, 'uploaded');
  }

  @Post('documents/download')
  @PortalForm()
  async download(
    @Param('reference') reference: string,
    @Body() form: Form,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const customer = await this.customer(request, reference);
    const id = form.documentId ?? '';
    if (!UUID.test(id)) throw caseNotFound(reference);
    const c = await this.cases.byId(customer.caseId);
    const file = sendDocument(reply, await this.documents.open(c, 'customer', id));
    const headers = file.getHeaders();
    void reply.header('content-type', headers.type);
    if (headers.length !== undefined) void reply.header('content-length', headers.length);
    void reply.send(file.getStream());
  }

  /**
   * The customer view in the page's language: the switch, else the case's. The API's texts come
   * in the case's language, so the page asks for them in the chosen one.
   */
  private viewIn(request: FastifyRequest, reply: FastifyReply, c: CaseEntity) {
    const lang = pageLanguage(request, reply, c.language);
    const asked = lang === c.language ? c : Object.assign(new CaseEntity(), c, { language: lang });
    return this.view.build(asked);
  }

  private async customer(request: FastifyRequest, reference: string): Promise<CustomerActor> {
    const session = await this.sessions.caseOf(request, reference);
    if (!session) throw caseNotFound(reference);
    return { kind: 'customer', caseId: session.caseId, reference: session.reference };
  }

  private done(reply: FastifyReply, reference: string, flash: Flash): void {
    void reply.setCookie(FLASH_COOKIE, flash, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      maxAge: 60,
    });
    seeOther(reply, `/cases/${encodeURIComponent(reference)}`);
  }

  private async confirm(
    request: FastifyRequest,
    reply: FastifyReply,
    customer: CustomerActor,
    what: 'proposal' | 'decision' | 'withdraw',
    form: Form,
  ): Promise<void> {
    const c = await this.cases.byId(customer.caseId);
    const view = await this.viewIn(request, reply, c);
    const lang = pageLanguage(request, reply, view.language);
    await renderPage(request, reply, 'confirm', lang, {
      view,
      what,
      answer: form.answer === 'accepted' ? 'accepted' : 'rejected',
      proposal: view.proposals.find((p) => p.id === form.proposalId),
      reason: text(form.reason, 2000) ?? '',
    });
  }

  private async renderCase(
    request: FastifyRequest,
    reply: FastifyReply,
    view: CustomerViewDto,
    extra: {
      flash?: Flash;
      errors?: Record<string, string>;
      values?: Record<string, string>;
      status?: number;
    },
  ): Promise<void> {
    const lang = pageLanguage(request, reply, view.language);
    const locale = { en: 'en-GB', ru: 'ru-RU', zh: 'zh-CN' }[lang];
    await renderPage(
      request,
      reply,
      'case',
      lang,
      {
        view,
        flash: extra.flash,
        errors: extra.errors ?? {},
        values: extra.values ?? {},
        open: !['closed', 'rejected'].includes(view.status),
        questions: openQuestions(view),
        money: (amount: Money) => formatMoney(amount, locale),
      },
      extra.status ?? 200,
    );
  }
}

/**
 * The office's questions the customer has not answered yet: as many of the latest asked as there
 * are open answer deadlines, since the customer's next message answers the oldest open one
 * (src/cases/information-requests/information-requests.service.ts).
 */
export function openQuestions(view: CustomerViewDto): string[] {
  const open = view.deadlines.filter(
    (d) => d.kind === 'information_request' && d.party === 'customer' && d.metAt === null,
  ).length;
  if (open === 0 || ['closed', 'rejected'].includes(view.status)) return [];
  return view.timeline
    .filter((e) => e.type === 'information_request.customer' && e.body)
    .slice(-open)
    .map((e) => e.body as string);
}
