import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { AccessLinkController } from './access-link/access-link.controller';
import { AccessLinkService } from './access-link/access-link.service';
import { AccessLinks } from './access-link/access-links.repository';
import { CaseNotificationsController } from './case-notifications.controller';
import { MailCaseFacts } from './mail-case-facts.repository';
import { MailDispatchLoop } from './mail-dispatch.loop';
import { MailDispatcher } from './mail-dispatcher';
import { MailMessages } from './mail-messages.repository';
import { MailOutbox } from './mail-outbox.repository';
import { MailPlanner } from './mail-planner';
import { MailReminders } from './mail-reminders.repository';
import { MailTransport } from './mail-transport';
import { ReminderSweep } from './reminder-sweep';

/**
 * E-mail to the customer and the company, a consumer of the outbox like the webhooks: events
 * are planned into messages and reminders, sent by the dispatcher, and listed for staff.
 */
@Module({
  imports: [CasesModule],
  controllers: [CaseNotificationsController, AccessLinkController],
  providers: [
    MailCaseFacts,
    MailMessages,
    MailReminders,
    MailOutbox,
    MailPlanner,
    ReminderSweep,
    MailTransport,
    MailDispatcher,
    MailDispatchLoop,
    AccessLinks,
    AccessLinkService,
  ],
  exports: [MailDispatcher, AccessLinkService],
})
export class MailModule {}
