import { Global, Module } from '@nestjs/common';
import { IdempotencyPurgeJob } from './idempotency-purge.job';
import { IdempotencyKeysRepository } from './idempotency-keys.repository';
import { IdempotencyService } from './idempotency.service';

/** Global like the audit log: any module with a retried POST may use IdempotencyService. */
@Global()
@Module({
  providers: [IdempotencyKeysRepository, IdempotencyService, IdempotencyPurgeJob],
  exports: [IdempotencyService],
})
export class IdempotencyModule {}
