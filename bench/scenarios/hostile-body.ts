import { performance } from 'node:perf_hooks';
import { runLoad } from '../lib/load';
import { progress } from '../lib/log';
import { BenchContext, TimedScenario } from './types';

const SECONDS = 5;
const LIVENESS_CONNECTIONS = 4;
const UNKNOWN_KEYS = 95_000;

/** About 1 MB of JSON whose every key is unknown to every DTO. */
function unknownKeysBody(): string {
  const entries: string[] = [];
  for (let i = 0; i < UNKNOWN_KEYS; i += 1) entries.push(`"k${i}":1`);
  return `{${entries.join(',')}}`;
}

interface Answers {
  readonly times: number[];
  readonly statuses: Set<number>;
  maxBytes: number;
}

/** Sends the hostile body to a staff route, one at a time, until `until`; times every answer. */
async function sendUntil(ctx: BenchContext, until: number): Promise<Answers> {
  const body = unknownKeysBody();
  const url = `${ctx.serviceUrl}/v1/admin/cases/OMB-2026-000001/notes`;
  const headers = {
    'content-type': 'application/json',
    authorization: `Bearer ${ctx.token({ sub: 'bench-officer', roles: ['ombudsman'] })}`,
  };
  const answers: Answers = { times: [], statuses: new Set(), maxBytes: 0 };
  while (performance.now() < until) {
    const started = performance.now();
    const res = await fetch(url, { method: 'POST', headers, body });
    const text = await res.text();
    answers.times.push(performance.now() - started);
    answers.statuses.add(res.status);
    answers.maxBytes = Math.max(answers.maxBytes, Buffer.byteLength(text));
  }
  return answers;
}

const ms = (value: number) => value.toFixed(2);

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/**
 * A body of 95,000 unknown keys (1 MB) sent again and again to a staff route, while the liveness
 * probe is loaded: how long the refusal takes and how much it slows everyone else. Compare the
 * `live_*` figures with the `quiet_live_*` ones, measured first without the hostile bodies.
 */
export const hostileBody: TimedScenario = {
  name: 'hostile-body',
  timed: true,
  async run(ctx) {
    const live = { path: '/health/live' };
    progress(`hostile-body: liveness alone for ${SECONDS} s`);
    const quiet = await runLoad(ctx.serviceUrl, live, LIVENESS_CONNECTIONS, SECONDS);
    progress(`hostile-body: liveness for ${SECONDS} s while 1 MB bodies of unknown keys arrive`);
    const [loaded, answers] = await Promise.all([
      runLoad(ctx.serviceUrl, live, LIVENESS_CONNECTIONS, SECONDS),
      sendUntil(ctx, performance.now() + SECONDS * 1000),
    ]);
    return [
      `scenario=hostile-body answers=${answers.times.length} ` +
        `status=${[...answers.statuses].join('|')} answer_bytes=${answers.maxBytes} ` +
        `answer_p50_ms=${ms(percentile(answers.times, 50))} ` +
        `answer_max_ms=${ms(Math.max(...answers.times))} ` +
        `live_p50_ms=${ms(loaded.p50)} live_p99_ms=${ms(loaded.p99)} ` +
        `quiet_live_p50_ms=${ms(quiet.p50)} quiet_live_p99_ms=${ms(quiet.p99)} ` +
        `live_errors=${loaded.errors}`,
    ];
  },
};
