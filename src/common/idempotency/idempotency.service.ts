import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../errors/domain-error';
import { IdempotencyKeysRepository } from './idempotency-keys.repository';
import { keyHash, openResponse, requestHash, sealResponse } from './response-cipher';

export interface IdempotentResponse<T> {
  readonly status: number;
  readonly body: T;
}

export interface IdempotentResult<T> extends IdempotentResponse<T> {
  /** True when the response is the stored one of an earlier request with the same key. */
  readonly replayed: boolean;
}

export interface IdempotentCommand<T> {
  /** Separates endpoints, so one key used on two endpoints means two things. */
  readonly scope: string;
  /** The validated `Idempotency-Key` header, or undefined when the client sent none. */
  readonly key: string | undefined;
  /** The request body; the same key with another body is refused. */
  readonly request: unknown;
  /** The change itself, written with `manager` so it commits or rolls back with the key. */
  readonly work: (manager: EntityManager) => Promise<IdempotentResponse<T>>;
}

/**
 * Runs a request at most once per key. The work and the remembered response commit in one
 * transaction: a failure or a killed process leaves neither, so the client may simply retry.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: IdempotencyKeysRepository,
  ) {}

  execute<T>(command: IdempotentCommand<T>): Promise<IdempotentResult<T>> {
    return this.dataSource.transaction(async (manager) => {
      const { scope, key } = command;
      if (key === undefined) return { ...(await command.work(manager)), replayed: false };
      const hashedKey = keyHash(scope, key);
      const hashedRequest = requestHash(command.request);
      // One round trip: a key already answered replays (whoever holds its lock: retries
      // arriving together, on one instance or several, all get the answer), a key whose lock
      // another request holds answers 409, and otherwise this request holds the lock.
      const { stored, locked } = await this.store.findLiveOrLock(manager, scope, key, hashedKey);
      if (stored) {
        if (stored.requestHash !== hashedRequest) throw reused();
        const body = openResponse<T>(scope, key, stored.sealedBody);
        return { status: stored.status, body, replayed: true };
      }
      if (!locked) throw inFlight();
      const response = await command.work(manager);
      const saved = await this.store.save(manager, {
        scope,
        keyHash: hashedKey,
        requestHash: hashedRequest,
        status: response.status,
        sealedBody: sealResponse(scope, key, response.body),
      });
      if (!saved) throw inFlight();
      return { ...response, replayed: false };
    });
  }

  /** Forgets expired keys; the scheduled job calls it, tests may too. */
  purgeExpired(batchSize?: number): Promise<number> {
    return this.store.purgeExpired(batchSize);
  }
}

function inFlight(): DomainError {
  return new DomainError(
    'IDEMPOTENCY_IN_FLIGHT',
    'A request with this Idempotency-Key is still being processed; retry shortly',
    { retryAfterSeconds: 1 },
  );
}

function reused(): DomainError {
  return new DomainError(
    'IDEMPOTENCY_KEY_REUSED',
    'This Idempotency-Key was already used with a different request body',
  );
}
