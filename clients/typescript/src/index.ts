import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, operations, paths } from './schema';

export type { components, operations, paths };

/** An RFC 9457 problem as the service sends it (`application/problem+json`). */
export type Problem = components['schemas']['ProblemSchema'];

/** Every 4xx and 5xx answer, thrown with its parsed problem body. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(`${status} ${problem.code}: ${problem.detail ?? problem.title}`);
    this.name = 'ProblemError';
  }
}

export interface ClientOptions {
  /** Where the service answers, e.g. `https://ombudsman.example.org`. */
  readonly baseUrl: string;
  /** A staff JWT or a customer's case access token; a function is asked before every request. */
  readonly token?: string | (() => string | undefined | Promise<string | undefined>);
  readonly fetch?: typeof globalThis.fetch;
}

export type OmbudsmanClient = Client<paths>;

/**
 * A typed client of the whole API: paths, parameters, bodies and answers come from openapi.json.
 * It sends the bearer token and throws a `ProblemError` on every error answer, so a call that
 * returns has a typed `data`.
 */
export function createOmbudsmanClient(options: ClientOptions): OmbudsmanClient {
  const client = createClient<paths>({ baseUrl: options.baseUrl, fetch: options.fetch });
  client.use(authentication(options.token), problemErrors);
  return client;
}

/** A fresh `Idempotency-Key` for `POST /v1/escalations`; reuse it when retrying the same filing. */
export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}

function authentication(token: ClientOptions['token']): Middleware {
  return {
    async onRequest({ request }) {
      const value = typeof token === 'function' ? await token() : token;
      if (value && !request.headers.has('authorization')) {
        request.headers.set('authorization', `Bearer ${value}`);
      }
      return request;
    },
  };
}

const problemErrors: Middleware = {
  async onResponse({ response }) {
    if (response.status < 400) return response;
    const type = response.headers.get('content-type') ?? '';
    const problem = type.includes('json')
      ? ((await response.clone().json()) as Problem)
      : ({ type: 'about:blank', title: response.statusText, status: response.status } as Problem);
    throw new ProblemError(response.status, problem);
  },
};
