import { TokenRequest } from '../../src/auth/token-signer';
import { LoadDefinition } from '../lib/load';

export interface BenchContext {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  readonly serviceUrl: string;
  readonly baselineUrl: string;
  readonly databaseUrl: string;
  /** The service's process id (its memory is read from /proc). */
  readonly servicePid: number;
  readonly jwtSecret: string;
  /** The size of the seeded office (`--cases`, 100,000 by default). */
  readonly cases: number;
  /** How long the service took from spawn to ready on it. */
  readonly startToReadyMs: number;
  /** A staff JWT the service accepts. */
  token(request: TokenRequest): string;
}

export interface Targets {
  /** Every request, and every labelled kind of request, answered within this p95. */
  readonly p95Ms?: number;
  /** Service throughput at least this share of the baseline's. */
  readonly ratio?: number;
}

/**
 * One benchmark: the same work asked of the service and of the baseline (bench/baseline.ts, whose
 * handler for it lives in bench/baseline-handlers/). `setup` runs once, before both.
 */
export interface Scenario {
  readonly name: string;
  readonly connections: number;
  /** The targets; the result line says whether the run met them (it never fails on them). */
  readonly targets?: Targets;
  setup?(ctx: BenchContext): Promise<void>;
  service(ctx: BenchContext): LoadDefinition;
  baseline(ctx: BenchContext): LoadDefinition;
}

/**
 * A benchmark of work no HTTP request drives (a background job): it times itself against the
 * bench database and returns its result lines.
 */
export interface TimedScenario {
  readonly name: string;
  readonly timed: true;
  run(ctx: BenchContext): Promise<readonly string[]>;
}
