import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig, MailLanguage } from '../config/app-config';
import { openSmtpSocket } from './smtp-socket';

export interface OutgoingMail {
  /** The row's id: the Message-ID is made from it, so a retry carries the same one. */
  readonly id: string;
  readonly to: { readonly name: string | null; readonly address: string };
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly language: MailLanguage;
  /** For the .eml file name only. */
  readonly label: string;
}

/**
 * SMTP through nodemailer's pooled transport when SMTP_URL is set. Without it each message is
 * built exactly as it would be sent and written to DATA_DIR/mail/ as an .eml file, its path
 * logged, so a newcomer sees what would have gone out. Header values are passed as structured
 * fields (never concatenated), so nodemailer encodes names and subjects and no value can open a
 * header of its own.
 */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private readonly transporter: Transporter;
  private readonly folder: string;
  private readonly domain: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const mail = config.mail;
    this.folder = join(config.dataDir, 'mail');
    this.domain = mail.from.address.split('@')[1] ?? 'localhost';
    const smtp = mail.smtpUrl ? smtpOptions(mail.smtpUrl) : undefined;
    this.transporter = smtp
      ? createTransport({
          ...smtp,
          getSocket: openSmtpSocket({ ...smtp, timeoutMs: mail.timeoutMs }),
          pool: true,
          maxConnections: mail.maxConnections,
          connectionTimeout: mail.timeoutMs,
          greetingTimeout: mail.timeoutMs,
          socketTimeout: mail.timeoutMs,
        })
      : createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  }

  get writesFiles(): boolean {
    return this.config.mail.smtpUrl === undefined;
  }

  /** Sends one message; answers its Message-ID. Throws the transport's error on failure. */
  async send(mail: OutgoingMail): Promise<string> {
    const messageId = `<${mail.id}@${this.domain}>`;
    const info = (await this.transporter.sendMail({
      messageId,
      from: this.config.mail.from,
      to: mail.to.name ? { name: mail.to.name, address: mail.to.address } : mail.to.address,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: { 'Content-Language': mail.language, 'Auto-Submitted': 'auto-generated' },
    })) as { message?: Buffer };
    if (this.writesFiles && info.message) await this.writeEml(mail, info.message);
    return messageId;
  }

  onModuleDestroy(): void {
    this.transporter.close();
  }

  private async writeEml(mail: OutgoingMail, bytes: Buffer): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const path = join(this.folder, `${stamp}-${mail.label}-${mail.id}.eml`);
    await writeFile(path, bytes);
    this.logger.log({ path, template: mail.label }, `mail written to ${path} (no SMTP_URL set)`);
  }
}

function smtpOptions(smtpUrl: string) {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ignoreTLS: url.searchParams.get('ignoreTLS') === 'true',
    ...(url.username
      ? {
          auth: {
            user: decodeURIComponent(url.username),
            pass: decodeURIComponent(url.password),
          },
        }
      : {}),
  };
}
