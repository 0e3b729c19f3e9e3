/**
 * `npm run bench [-- NAME]`: each scenario against the built service and against the hand-written
 * baseline (bench/baseline.ts), on a fresh embedded PostgreSQL. One result line per scenario on
 * stdout; progress on stderr. Env: BENCH_SECONDS (default 10).
 */
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { signStaffToken } from '../src/auth/token-signer';
import { Cleanup } from './lib/cleanup';
import { LoadDefinition, LoadStats, runLoad } from './lib/load';
import { progress } from './lib/log';
import { BENCH_JWT_SECRET, startStack } from './lib/stack';
import { loadAverage, RssSampler } from './lib/memory';
import { SEEDED_CASES } from './lib/seeded';
import { SCENARIOS } from './scenarios';
import { BenchContext, Scenario, Targets, TimedScenario } from './scenarios/types';

const WARM_UP_SECONDS = 2;

function readSeconds(): number {
  const raw = process.env.BENCH_SECONDS;
  const seconds = raw === undefined || raw === '' ? 10 : Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error('BENCH_SECONDS must be > 0');
  return seconds;
}

function selectScenarios(name: string | undefined): readonly (Scenario | TimedScenario)[] {
  if (name === undefined) return SCENARIOS;
  // One name, or several separated by commas: `npm run bench -- search:exact,search:partial`.
  const names = name.split(',');
  const found = SCENARIOS.filter((s) => names.includes(s.name));
  if (found.length === 0) {
    const known = SCENARIOS.map((s) => s.name).join(', ');
    throw new Error(`unknown scenario "${name}" (known: ${known})`);
  }
  return found;
}

async function measure(
  label: string,
  url: string,
  databaseUrl: string,
  definition: LoadDefinition,
  connections: number,
  seconds: number,
): Promise<LoadStats> {
  progress(`${label}: warm-up ${WARM_UP_SECONDS} s`);
  await runLoad(url, definition, connections, WARM_UP_SECONDS);
  await analyze(databaseUrl);
  progress(`${label}: measuring ${seconds} s at ${connections} connections`);
  return runLoad(url, definition, connections, seconds);
}

/**
 * Fresh planner statistics before measuring: a warm-up adds thousands of rows to tables that were
 * empty a moment ago, a growth no running office sees, and plans chosen on the stale figures made
 * runs differ by half.
 */
async function analyze(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}

const ms = (value: number) => value.toFixed(2);

function resultLine(name: string, service: LoadStats, baseline: LoadStats): string {
  const ratio = baseline.rps > 0 ? (service.rps / baseline.rps).toFixed(2) : 'n/a';
  return (
    `scenario=${name} rps=${service.rps.toFixed(1)} p50_ms=${ms(service.p50)} ` +
    `p95_ms=${ms(service.p95)} p99_ms=${ms(service.p99)} errors=${service.errors} ` +
    `baseline_rps=${baseline.rps.toFixed(1)} ratio=${ratio} baseline_p95_ms=${ms(baseline.p95)} ` +
    `load=${loadAverage()}`
  );
}

/** One line per labelled kind of request: its share of the throughput and its own latencies. */
function labelLines(name: string, service: LoadStats, baseline: LoadStats): string[] {
  return [...service.byLabel].map(([label, own]) => {
    const base = baseline.byLabel.get(label);
    const share = (stats: LoadStats, count: number) =>
      stats.answered > 0 ? (stats.rps * count) / stats.answered : 0;
    const rps = share(service, own.count);
    const baseRps = base ? share(baseline, base.count) : 0;
    return (
      `scenario=${name}:${label} rps=${rps.toFixed(1)} p50_ms=${ms(own.p50)} ` +
      `p95_ms=${ms(own.p95)} p99_ms=${ms(own.p99)} errors=- ` +
      `baseline_rps=${baseRps.toFixed(1)} ratio=${baseRps > 0 ? (rps / baseRps).toFixed(2) : 'n/a'}`
    );
  });
}

/** ' targets=p95<=20ms:met,ratio>=0.6:missed', or '' for a scenario without targets. */
function verdict(targets: Targets | undefined, service: LoadStats, baseline: LoadStats): string {
  if (!targets) return '';
  const parts: string[] = [];
  if (targets.p95Ms !== undefined) {
    const worst = Math.max(service.p95, ...[...service.byLabel.values()].map((l) => l.p95));
    parts.push(`p95<=${targets.p95Ms}ms:${worst <= targets.p95Ms ? 'met' : 'missed'}`);
  }
  if (targets.ratio !== undefined) {
    const met = baseline.rps > 0 && service.rps / baseline.rps >= targets.ratio;
    parts.push(`ratio>=${targets.ratio}:${met ? 'met' : 'missed'}`);
  }
  return ` targets=${parts.join(',')}`;
}

/** `[NAME[,NAME…]] [--cases N]`: the scenarios to run and the size of the office (100,000). */
function readArgs(): { name: string | undefined; cases: number } {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: { cases: { type: 'string', default: String(SEEDED_CASES) } },
    allowPositionals: true,
  });
  const cases = Number(values.cases);
  if (!Number.isInteger(cases) || cases < 1) throw new Error('--cases must be a positive integer');
  return { name: positionals[0], cases };
}

async function main(): Promise<number> {
  const seconds = readSeconds();
  const args = readArgs();
  const scenarios = selectScenarios(args.name);
  const cleanup = new Cleanup();
  const onSignal = (signal: NodeJS.Signals) => {
    progress(`${signal}: cleaning up`);
    void cleanup.run().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const stack = await startStack(cleanup, args.cases);
    console.log(
      `scenario=start cases=${args.cases} start_to_ready_ms=${stack.startToReadyMs} ` +
        `load=${loadAverage()} targets=start_to_ready<=5000ms:${stack.startToReadyMs <= 5000 ? 'met' : 'missed'}`,
    );
    const memory = new RssSampler(stack.servicePid);
    const ctx: BenchContext = {
      ...stack,
      cases: args.cases,
      jwtSecret: BENCH_JWT_SECRET,
      token: (request) => signStaffToken(BENCH_JWT_SECRET, request),
    };
    let failed = false;
    for (const scenario of scenarios) {
      memory.reset();
      if ('timed' in scenario) {
        for (const line of await scenario.run(ctx)) console.log(line);
        console.log(memory.line(scenario.name));
        continue;
      }
      await scenario.setup?.(ctx);
      const { connections, name } = scenario;
      const service = await measure(
        `${name}/service`,
        ctx.serviceUrl,
        ctx.databaseUrl,
        scenario.service(ctx),
        connections,
        seconds,
      );
      const baseline = await measure(
        `${name}/baseline`,
        ctx.baselineUrl,
        ctx.databaseUrl,
        scenario.baseline(ctx),
        connections,
        seconds,
      );
      console.log(
        resultLine(name, service, baseline) + verdict(scenario.targets, service, baseline),
      );
      for (const line of labelLines(name, service, baseline)) console.log(line);
      console.log(memory.line(name));
      if (service.errors > 0 || baseline.errors > 0) {
        progress(`${name}: ${service.errors} service errors, ${baseline.errors} baseline errors`);
        failed = true;
      }
      if (service.answered === 0 || baseline.answered === 0) {
        // A wedged process answers nothing and so reports no errors: that is a failure too.
        progress(
          `${name}: the ${service.answered === 0 ? 'service' : 'baseline'} answered nothing`,
        );
        failed = true;
      }
    }
    memory.stop();
    return failed ? 1 : 0;
  } finally {
    progress('cleaning up');
    await cleanup.run();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    progress(`failed: ${(error as Error).message ?? String(error)}`);
    process.exit(1);
  },
);
