import { Inject, Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { FastifyReply, FastifyRequest } from 'fastify';
import { createHash, randomBytes } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { PortalSessionsRepository, SessionCase } from './portal-sessions.repository';

/** A session lasts a working day; the access link opens a new one whenever needed. */
const LIFETIME_SECONDS = 8 * 60 * 60;
const EVERY_HOUR = 60 * 60 * 1000;

const hash = (id: string) => createHash('sha256').update(id, 'utf8').digest();

/**
 * The customer pages' session: after the access token is checked once, a random id in an
 * HttpOnly, SameSite=Strict cookie (Secure and `__Host-` in production) stands for it, so the
 * token leaves the address bar and is never sent again. Signing out deletes the session.
 */
@Injectable()
export class PortalSessions {
  readonly cookieName: string;
  private readonly secure: boolean;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly sessions: PortalSessionsRepository,
  ) {
    this.secure = config.nodeEnv === 'production';
    this.cookieName = this.secure ? '__Host-omb-session' : 'omb-session';
  }

  async start(reply: FastifyReply, caseId: string): Promise<void> {
    const id = randomBytes(32).toString('base64url');
    await this.sessions.insert(hash(id), caseId, LIFETIME_SECONDS);
    void reply.setCookie(this.cookieName, id, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: this.secure,
      maxAge: LIFETIME_SECONDS,
    });
  }

  /** The case this request's session opens, if it is the one named; null otherwise. */
  async caseOf(request: FastifyRequest, reference: string): Promise<SessionCase | null> {
    const idHash = this.idHashOf(request);
    if (!idHash) return null;
    const found = await this.sessions.find(idHash);
    return found?.reference === reference ? found : null;
  }

  /**
   * The stored form of the request's session id, for a read that checks the session in the same
   * statement as it reads the case (src/portal/portal-case.repository.ts); null without a cookie.
   */
  idHashOf(request: FastifyRequest): Buffer | null {
    const id = request.cookies[this.cookieName];
    return id && id.length <= 100 ? hash(id) : null;
  }

  async end(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const id = request.cookies[this.cookieName];
    if (id && id.length <= 100) await this.sessions.delete(hash(id));
    void reply.clearCookie(this.cookieName, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: this.secure,
    });
  }

  @Interval('portal-session-purge', EVERY_HOUR)
  async purge(): Promise<void> {
    await this.sessions.purgeExpired();
  }
}
