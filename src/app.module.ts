import { DynamicModule, Module, Type } from '@nestjs/common';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { ENTITIES } from './entities';
import { AuthModule } from './auth/auth.module';
import { AuditModule } from './audit/audit.module';
import { NotificationsModule } from './notifications/notifications.module';
import { HealthModule } from './health/health.module';
import { ObservabilityModule } from './observability/observability.module';
import { ScheduleModule } from '@nestjs/schedule';
import { IdempotencyModule } from './common/idempotency/idempotency.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { FrontlineModule } from './frontline/frontline.module';
import { SlaModule } from './sla/sla.module';
import { CasesModule } from './cases/cases.module';
import { EdgesModule } from './edges/edges.module';
import { EscalationModule } from './escalation/escalation.module';
import { CompensationModule } from './compensation/compensation.module';
import { DecisionsModule } from './decisions/decisions.module';
import { MediationModule } from './mediation/mediation.module';
import { FeedbackModule } from './feedback/feedback.module';
import { ReportsModule } from './reports/reports.module';
import { MailModule } from './mail/mail.module';
import { DocumentsModule } from './documents/documents.module';
import { PortalModule } from './portal/portal.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, extraModules: Type[] = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(ENTITIES),
        AuthModule,
        AuditModule,
        NotificationsModule,
        HealthModule,
        ObservabilityModule,
        // Registered once here: the purge jobs and other sweeps declare their @Interval/@Cron.
        ScheduleModule.forRoot(),
        IdempotencyModule,
        RateLimitModule,
        FrontlineModule,
        SlaModule,
        CasesModule,
        EdgesModule,
        EscalationModule,
        MediationModule,
        DecisionsModule,
        CompensationModule,
        FeedbackModule,
        ReportsModule,
        MailModule,
        DocumentsModule,
        PortalModule,
        ...extraModules,
      ],
    };
  }
}
