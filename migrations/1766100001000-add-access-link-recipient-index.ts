import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Access links are limited per address as well as per case (ACCESS_LINKS_PER_ADDRESS_PER_HOUR):
 * the request counts an address's access-link messages of the last hour, over all its cases.
 */
export class AddAccessLinkRecipientIndex1766100001000 implements MigrationInterface {
  name = 'AddAccessLinkRecipientIndex1766100001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX ix_mail_message_access_link_recipient ON mail_message (recipient, created_at)
        WHERE template = 'access_link'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_mail_message_access_link_recipient');
  }
}
