import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../../auth/actor';
import { newAccessToken } from '../../cases/case-access-token';
import { CaseRecorder } from '../../cases/case-recorder';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { sealSecret } from '../../notifications/webhooks/secret-box';
import { AccessLinks } from './access-links.repository';

const ACCESS_LINK_ACTOR = { ...SYSTEM_ACTOR, name: 'Access link' };

/**
 * A way back into a case for a customer who lost the token: a new token replaces the old one
 * and goes out by e-mail. The caller learns nothing: a token is made and sealed, and the same
 * statement runs, whether or not the reference and address match. A replacement is recorded on
 * the case (staff timeline and audit chain) in the same transaction; the limits per client, per
 * address and per case bound what the extra writes' time could tell anyone.
 */
@Injectable()
export class AccessLinkService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Mail');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly links: AccessLinks,
    private readonly recorder: CaseRecorder,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.mail.tokenKey === undefined) {
      this.logger.warn(
        'access links are off: set WEBHOOK_SECRET_KEY (needed with JWT_PUBLIC_KEY) to seal their tokens',
      );
    }
  }

  async request(reference: string, email: string): Promise<void> {
    const { token, hash } = newAccessToken();
    const messageId = randomUUID();
    const key = this.config.mail.tokenKey;
    const { accessLinksPerCasePerHour, accessLinksPerAddressPerHour } = this.config.mail;
    await this.dataSource.transaction(async (manager) => {
      const replaced = await this.links.replaceAndQueue(manager, {
        reference,
        email: email.trim().toLowerCase(),
        tokenHash: hash,
        messageId,
        tokenSealed: key === undefined ? null : sealSecret(key, messageId, token),
        perCasePerHour: accessLinksPerCasePerHour,
        perAddressPerHour: accessLinksPerAddressPerHour,
        now: new Date(),
      });
      if (!replaced) return;
      const facts = { notificationId: messageId };
      await this.recorder.record(
        manager,
        { id: replaced.caseId, reference: replaced.reference },
        {
          actor: ACCESS_LINK_ACTOR,
          timeline: { type: 'case.access_token_replaced', audience: 'office', data: facts },
          audit: { action: 'case.access_token_replaced', after: facts },
        },
      );
    });
  }
}
