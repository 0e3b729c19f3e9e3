import { ExecutionContext, Module } from '@nestjs/common';
import { ThrottlerModule, ThrottlerModuleOptions } from '@nestjs/throttler';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { PostgresThrottlerStorage } from './postgres-throttler.storage';
import { RateLimitPurgeJob } from './rate-limit-purge.job';

const ONE_MINUTE_MS = 60_000;

/**
 * One count per client address for every `@PublicRateLimit()` route (the throttler's default
 * key would count each route apart). Only a hash of the address is stored.
 */
function bucketKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
  return createHash('sha256').update(`public-rate-limit:${throttlerName}:${tracker}`).digest('hex');
}

/**
 * The throttler configured from APP_CONFIG, counting in PostgreSQL. It registers no global
 * guard: routes opt in with `@PublicRateLimit()`. The client address is `request.ip`, which
 * Fastify takes from X-Forwarded-For only when TRUST_PROXY is set.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG, getDataSourceToken()],
      useFactory: (config: AppConfig, dataSource: DataSource): ThrottlerModuleOptions => ({
        throttlers: [{ ttl: ONE_MINUTE_MS, limit: config.http.rateLimitPerMinute }],
        storage: new PostgresThrottlerStorage(dataSource),
        generateKey: bucketKey,
      }),
    }),
  ],
  providers: [RateLimitPurgeJob],
})
export class RateLimitModule {}
