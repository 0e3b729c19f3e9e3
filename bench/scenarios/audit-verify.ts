import { Client } from 'pg';
import { entryHash } from '../../src/audit/audit-hash';
import { progress } from '../lib/log';
import { BenchContext, TimedScenario } from './types';

/** Entries appended between the full and the incremental run: what the incremental one reads. */
const APPENDED = 20_000;
const PER_CHAIN = 10;
const FULL_TARGET_PER_S = 200_000;

interface Run {
  readonly valid: boolean;
  readonly entriesChecked: number;
}

async function verify(ctx: BenchContext, mode: 'full' | 'incremental'): Promise<[number, Run]> {
  const started = process.hrtime.bigint();
  const res = await fetch(`${ctx.serviceUrl}/v1/admin/audit/verifications`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${ctx.token({ sub: 'bench-auditor', roles: ['auditor'] })}`,
    },
    body: JSON.stringify({ mode }),
    signal: AbortSignal.timeout(1_800_000),
  });
  const body = (await res.json()) as Run;
  if (res.status !== 200 || !body.valid)
    throw new Error(`audit ${mode} verification: ${res.status} ${JSON.stringify(body)}`);
  return [Number(process.hrtime.bigint() - started) / 1e6, body];
}

/** `APPENDED` valid entries in new chains of ten, by SQL (the hashes the service would make). */
async function appendEntries(databaseUrl: string): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const run = Date.now();
    const rows: unknown[][] = [];
    for (let i = 0; i < APPENDED; i += 1) {
      const seq = (i % PER_CHAIN) + 1;
      const previous = seq === 1 ? null : (rows[rows.length - 1][8] as string);
      const entry = {
        chainKey: `bench-audit-${run}-${Math.floor(i / PER_CHAIN)}`,
        seq,
        actorSub: 'bench',
        actorRole: 'system',
        action: 'note.added',
        before: null,
        after: { i },
        occurredAt: new Date(),
        prevHash: previous,
      };
      rows.push([
        entry.chainKey,
        seq,
        entry.actorSub,
        entry.actorRole,
        entry.action,
        JSON.stringify(entry.after),
        entry.occurredAt,
        previous,
        entryHash(entry),
      ]);
    }
    for (let start = 0; start < rows.length; start += 1000) {
      const slice = rows.slice(start, start + 1000);
      const values = slice.map(
        (_, r) => `(${Array.from({ length: 9 }, (__, c) => `$${r * 9 + c + 1}`).join(', ')})`,
      );
      await db.query(
        `INSERT INTO audit_entry (chain_key, seq, actor_sub, actor_role, action, after, occurred_at,
           prev_hash, hash) VALUES ${values.join(', ')}`,
        slice.flat(),
      );
    }
  } finally {
    await db.end();
  }
}

/**
 * Audit verification through the service: a full run over the whole log (streamed), then
 * `APPENDED` entries more and an incremental run from the point the full run recorded.
 */
export const auditVerify: TimedScenario = {
  name: 'audit-verify',
  timed: true,
  async run(ctx) {
    progress('audit-verify: full verification');
    const [fullMs, full] = await verify(ctx, 'full');
    progress(`audit-verify: appending ${APPENDED} entries`);
    await appendEntries(ctx.databaseUrl);
    const [incMs, inc] = await verify(ctx, 'incremental');
    const fullRate = full.entriesChecked / (fullMs / 1000);
    return [
      `scenario=audit-verify:full entries=${full.entriesChecked} ms=${fullMs.toFixed(0)} ` +
        `entries_per_s=${fullRate.toFixed(0)} ` +
        `targets=entries_per_s>=${FULL_TARGET_PER_S}:${fullRate >= FULL_TARGET_PER_S ? 'met' : 'missed'}`,
      `scenario=audit-verify:incremental entries=${inc.entriesChecked} ms=${incMs.toFixed(1)} ` +
        `entries_per_s=${(inc.entriesChecked / (incMs / 1000)).toFixed(0)}`,
    ];
  },
};
