import { appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where every figure line of a run is also appended, to be read after the run (README "Fault suite"). */
export const FIGURES_FILE =
  process.env.FAULT_FIGURES_FILE ?? join(tmpdir(), 'ombudsman-fault-figures.txt');

export type Figures = Record<string, number | string | boolean>;

/** Prints `fault=NAME key=value …` on one line (stdout and FIGURES_FILE) and returns it. */
export function reportFigures(name: string, figures: Figures): string {
  const line = [`fault=${name}`, ...Object.entries(figures).map(([k, v]) => `${k}=${v}`)].join(' ');
  process.stdout.write(`${line}\n`);
  appendFileSync(FIGURES_FILE, `${line}\n`);
  return line;
}

/** Settings of the fault suite: whole numbers from the environment, with CI-friendly defaults. */
export function setting(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`${name} must be a number ≥ 0, got "${raw}"`);
  return value;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
