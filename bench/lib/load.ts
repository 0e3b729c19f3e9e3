import autocannon from 'autocannon';

export type HttpMethod = NonNullable<autocannon.Request['method']>;

/** What autocannon sends: one fixed request, or a sequence (each may build its own body). */
export interface LoadDefinition {
  readonly method?: HttpMethod;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  readonly requests?: autocannon.Request[];
  /**
   * A name per entry of `requests`, to report each kind of request on its own as well (every
   * connection sends the sequence in order, so its k-th answer is to request k mod length).
   */
  readonly labels?: readonly string[];
}

export interface Latencies {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

export interface LoadStats {
  readonly rps: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  /** non-2xx answers + connection errors (autocannon counts timeouts among its errors). */
  readonly errors: number;
  /** Requests answered in all (for shares of the labelled kinds). */
  readonly answered: number;
  /** Per label of the definition, when it has labels. */
  readonly byLabel: ReadonlyMap<string, Latencies>;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, rank)];
}

function summarise(latencies: readonly number[]): Latencies {
  const sorted = Float64Array.from(latencies).sort();
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}

/** Runs autocannon against `baseUrl` for `seconds` and summarises it. */
export function runLoad(
  baseUrl: string,
  definition: LoadDefinition,
  connections: number,
  seconds: number,
): Promise<LoadStats> {
  const latencies: number[] = [];
  const labels = definition.labels ?? [];
  const labelled = new Map<string, number[]>(labels.map((label) => [label, []]));
  const answersPerClient = new Map<unknown, number>();
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
        const all = summarise(latencies);
        resolve({
          rps: result.requests.average,
          p50: all.p50,
          p95: all.p95,
          p99: all.p99,
          errors: result.non2xx + result.errors,
          answered: all.count,
          byLabel: new Map([...labelled].map(([label, times]) => [label, summarise(times)])),
        });
      },
    );
    instance.on('response', (client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (labels.length === 0) return;
      const k = answersPerClient.get(client) ?? 0;
      answersPerClient.set(client, k + 1);
      labelled.get(labels[k % labels.length])?.push(responseTime);
    });
  });
}
