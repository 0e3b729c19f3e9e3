import autocannon from 'autocannon';

export type HttpMethod = NonNullable<autocannon.Request['method']>;

/** What autocannon sends: one fixed request, or a sequence (each may build its own body). */
export interface LoadDefinition {
  readonly method?: HttpMethod;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  readonly requests?: autocannon.Request[];
}

export interface LoadStats {
  readonly rps: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  /** non-2xx answers + connection errors (autocannon counts timeouts among its errors). */
  readonly errors: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, rank)];
}

/** Runs autocannon against `baseUrl` for `seconds` and summarises it. */
export function runLoad(
  baseUrl: string,
  definition: LoadDefinition,
  connections: number,
  seconds: number,
): Promise<LoadStats> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: new URL(definition.path, baseUrl).toString(),
        method: definition.method ?? 'GET',
        headers: definition.headers,
        body: definition.body,
        requests: definition.requests,
        connections,
        duration: seconds,
      },
      (error: Error | null, result: autocannon.Result) => {
        if (error) {
          reject(error);
          return;
        }
        const sorted = Float64Array.from(latencies).sort();
        resolve({
          rps: result.requests.average,
          p50: percentile(sorted, 50),
          p95: percentile(sorted, 95),
          p99: percentile(sorted, 99),
          errors: result.non2xx + result.errors,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
}
