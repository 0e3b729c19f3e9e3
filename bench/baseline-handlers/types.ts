import { IncomingMessage, ServerResponse } from 'node:http';
import { Pool } from 'pg';

export interface BaselineRequest {
  readonly pool: Pool;
  /** `:name` segments of the route path. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Parsed JSON body (undefined when there is none). */
  readonly body: unknown;
}

export interface BaselineResponse {
  readonly status: number;
  readonly body?: unknown;
}

/** A hand-written equivalent of one service route: plain node:http + pg, no framework. */
export interface BaselineRoute {
  readonly method: string;
  /** e.g. /health/ready or /cases/:id */
  readonly path: string;
  handle(request: BaselineRequest): Promise<BaselineResponse>;
}

/** A route that handles the request and the response as streams itself (uploads, downloads). */
export interface StreamingBaselineRoute {
  readonly method: string;
  readonly path: string;
  readonly streaming: true;
  serve(request: {
    readonly pool: Pool;
    readonly params: Readonly<Record<string, string>>;
    readonly incoming: IncomingMessage;
    readonly outgoing: ServerResponse;
  }): Promise<void>;
}

export type AnyBaselineRoute = BaselineRoute | StreamingBaselineRoute;
