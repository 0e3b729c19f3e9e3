import { FastifyReply } from 'fastify';
import { IdempotentResult } from './idempotency.service';

export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';

/**
 * Applies an idempotent result to the reply of a `@Res({ passthrough: true })` handler: the
 * stored status on a replay too, and a header telling the client it saw a replay.
 */
export function sendIdempotent<T>(reply: FastifyReply, result: IdempotentResult<T>): T {
  void reply.status(result.status);
  if (result.replayed) void reply.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
  return result.body;
}
