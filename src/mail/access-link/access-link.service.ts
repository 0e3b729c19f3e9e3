import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { newAccessToken } from '../../cases/case-access-token';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { sealSecret } from '../../notifications/webhooks/secret-box';
import { AccessLinks } from './access-links.repository';

/**
 * A way back into a case for a customer who lost the token: a new token replaces the old one
 * and goes out by e-mail. The caller learns nothing: a token is made and sealed, and the same
 * statement runs, whether or not the reference and address match.
 */
@Injectable()
export class AccessLinkService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Mail');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly links: AccessLinks,
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
    await this.links.replaceAndQueue({
      reference,
      email: email.trim().toLowerCase(),
      tokenHash: hash,
      messageId,
      tokenSealed: key === undefined ? null : sealSecret(key, messageId, token),
      perCasePerHour: this.config.mail.accessLinksPerCasePerHour,
      now: new Date(),
    });
  }
}
