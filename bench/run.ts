/**
 * `npm run bench [-- NAME]`: each scenario against the built service and against the hand-written
 * baseline (bench/baseline.ts), on a fresh embedded PostgreSQL. One result line per scenario on
 * stdout; progress on stderr. Env: BENCH_SECONDS (default 10).
 */
import { signStaffToken } from '../src/auth/token-signer';
import { Cleanup } from './lib/cleanup';
import { LoadDefinition, LoadStats, runLoad } from './lib/load';
import { progress } from './lib/log';
import { BENCH_JWT_SECRET, startStack } from './lib/stack';
import { SCENARIOS } from './scenarios';
import { BenchContext, Scenario, TimedScenario } from './scenarios/types';

const WARM_UP_SECONDS = 2;

function readSeconds(): number {
  const raw = process.env.BENCH_SECONDS;
  const seconds = raw === undefined || raw === '' ? 10 : Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error('BENCH_SECONDS must be > 0');
  return seconds;
}

function selectScenarios(name: string | undefined): readonly (Scenario | TimedScenario)[] {
  if (name === undefined) return SCENARIOS;
  const found = SCENARIOS.filter((s) => s.name === name);
  if (found.length === 0) {
    const known = SCENARIOS.map((s) => s.name).join(', ');
    throw new Error(`unknown scenario "${name}" (known: ${known})`);
  }
  return found;
}

async function measure(
  label: string,
  url: string,
  definition: LoadDefinition,
  connections: number,
  seconds: number,
): Promise<LoadStats> {
  progress(`${label}: warm-up ${WARM_UP_SECONDS} s`);
  await runLoad(url, definition, connections, WARM_UP_SECONDS);
  progress(`${label}: measuring ${seconds} s at ${connections} connections`);
  return runLoad(url, definition, connections, seconds);
}

const ms = (value: number) => value.toFixed(2);

function resultLine(name: string, service: LoadStats, baseline: LoadStats): string {
  const ratio = baseline.rps > 0 ? (service.rps / baseline.rps).toFixed(2) : 'n/a';
  return (
    `scenario=${name} rps=${service.rps.toFixed(1)} p50_ms=${ms(service.p50)} ` +
    `p95_ms=${ms(service.p95)} p99_ms=${ms(service.p99)} errors=${service.errors} ` +
    `baseline_rps=${baseline.rps.toFixed(1)} ratio=${ratio}`
  );
}

async function main(): Promise<number> {
  const seconds = readSeconds();
  const scenarios = selectScenarios(process.argv[2]);
  const cleanup = new Cleanup();
  const onSignal = (signal: NodeJS.Signals) => {
    progress(`${signal}: cleaning up`);
    void cleanup.run().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const stack = await startStack(cleanup);
    const ctx: BenchContext = {
      ...stack,
      jwtSecret: BENCH_JWT_SECRET,
      token: (request) => signStaffToken(BENCH_JWT_SECRET, request),
    };
    let failed = false;
    for (const scenario of scenarios) {
      if ('timed' in scenario) {
        for (const line of await scenario.run(ctx)) console.log(line);
        continue;
      }
      await scenario.setup?.(ctx);
      const { connections, name } = scenario;
      const service = await measure(
        `${name}/service`,
        ctx.serviceUrl,
        scenario.service(ctx),
        connections,
        seconds,
      );
      const baseline = await measure(
        `${name}/baseline`,
        ctx.baselineUrl,
        scenario.baseline(ctx),
        connections,
        seconds,
      );
      console.log(resultLine(name, service, baseline));
      if (service.errors > 0 || baseline.errors > 0) {
        progress(`${name}: ${service.errors} service errors, ${baseline.errors} baseline errors`);
        failed = true;
      }
    }
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
