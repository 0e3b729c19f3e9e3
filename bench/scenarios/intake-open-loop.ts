import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { loadAverage } from '../lib/memory';
import { progress } from '../lib/log';
import { filing } from './intake';
import { BenchContext, TimedScenario } from './types';

const RATE_PER_S = 150;
const WARM_UP_S = 2;
const TARGET_P95_MS = 50;
// Filings of this scenario are numbered apart from the closed-loop intake's.
const FIRST_FILING = 50_000_000;

function seconds(): number {
  const raw = process.env.BENCH_SECONDS;
  return raw === undefined || raw === '' ? 10 : Number(raw);
}

interface Offered {
  readonly latencies: number[];
  errors: number;
}

/** One filing; resolves with its answer's status (0 on a connection error). */
function post(agent: Agent, url: URL, body: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        agent,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

/**
 * Offers filings at a fixed rate for `durationS`, whatever the answers take (open loop): each
 * latency counts from the instant its filing was due to be sent, so a service that falls behind
 * shows it in the percentiles instead of quietly slowing the offer down.
 */
async function offer(
  ctx: BenchContext,
  agent: Agent,
  first: number,
  durationS: number,
): Promise<Offered> {
  const url = new URL('/v1/escalations', ctx.serviceUrl);
  const total = Math.round(RATE_PER_S * durationS);
  const result: Offered = { latencies: [], errors: 0 };
  const answers: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < total; i += 1) {
    const due = start + (i * 1000) / RATE_PER_S;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const body = JSON.stringify(filing(first + i));
    answers.push(
      post(agent, url, body).then((status) => {
        if (status < 200 || status >= 300) result.errors += 1;
        result.latencies.push(performance.now() - due);
      }),
    );
  }
  await Promise.all(answers);
  return result;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * Intake at a fixed 150 filings a second (issue 17's open-loop line): what a customer filing
 * waits while the office takes a steady stream, as opposed to the closed-loop `intake`, whose
 * p95 only restates its throughput.
 */
export const intakeOpenLoop: TimedScenario = {
  name: 'intake-open-loop',
  timed: true,
  async run(ctx) {
    const agent = new Agent({ keepAlive: true, maxSockets: 256 });
    try {
      progress(`intake-open-loop: warming up ${WARM_UP_S} s at ${RATE_PER_S}/s`);
      await offer(ctx, agent, FIRST_FILING, WARM_UP_S);
      const durationS = seconds();
      progress(`intake-open-loop: offering ${RATE_PER_S}/s for ${durationS} s`);
      const measured = await offer(ctx, agent, FIRST_FILING + 1_000_000, durationS);
      const sorted = [...measured.latencies].sort((a, b) => a - b);
      const p95 = percentile(sorted, 95);
      return [
        `scenario=intake:open-loop rate=${RATE_PER_S} seconds=${durationS} answered=${sorted.length} ` +
          `p50_ms=${percentile(sorted, 50).toFixed(2)} p95_ms=${p95.toFixed(2)} ` +
          `p99_ms=${percentile(sorted, 99).toFixed(2)} errors=${measured.errors} ` +
          `load=${loadAverage()} targets=p95<=${TARGET_P95_MS}ms:${p95 <= TARGET_P95_MS ? 'met' : 'missed'}`,
      ];
    } finally {
      agent.destroy();
    }
  },
};
