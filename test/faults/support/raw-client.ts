import { request } from 'node:http';

export interface RawOutcome {
  readonly status: number;
  /** The network error's code when no answer came (ECONNREFUSED, ECONNRESET, …). */
  readonly error?: string;
  readonly startedAt: number;
  readonly endedAt: number;
  readonly body: string;
}

/**
 * One request on a connection of its own (no keep-alive pool), so that "in flight" means exactly
 * what it says: the connection was open and the request sent.
 */
export function rawJson(
  port: number,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<RawOutcome> {
  const startedAt = Date.now();
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent: false,
        headers: {
          ...headers,
          ...(payload !== undefined && {
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(payload)),
          }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            startedAt,
            endedAt: Date.now(),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', (e: NodeJS.ErrnoException) =>
          resolve({
            status: 0,
            error: e.code ?? e.message,
            startedAt,
            endedAt: Date.now(),
            body: '',
          }),
        );
      },
    );
    req.setTimeout(60_000, () => req.destroy(new Error('client timeout')));
    req.on('error', (e: NodeJS.ErrnoException) =>
      resolve({ status: 0, error: e.code ?? e.message, startedAt, endedAt: Date.now(), body: '' }),
    );
    req.end(payload);
  });
}
