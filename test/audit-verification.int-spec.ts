import { AuditService } from '../src/audit/audit.service';
import { adminQuery } from './support/database';
import { startTestApp, TestApp } from './support/test-app';

const ACTOR = { sub: 'alice', role: 'ombudsman' } as const;
const ROUTE = '/v1/admin/audit/verifications';

/** An app of its own per scenario: a break found stays in that database's log for good. */
function withApp() {
  const ctx = {} as { t: TestApp };
  beforeAll(async () => {
    ctx.t = await startTestApp();
  });
  afterAll(() => ctx.t.close());
  return ctx;
}

const append = (t: TestApp, chainKey: string, count: number) =>
  (async () => {
    const audit = t.app.get(AuditService);
    for (let i = 0; i < count; i += 1)
      await t.dataSource.transaction((manager) =>
        audit.append(manager, { chainKey, actor: ACTOR, action: 'note.added', after: { i } }),
      );
  })();

const verify = async (t: TestApp, mode: 'full' | 'incremental') =>
  (
    await t
      .http()
      .post(ROUTE)
      .send({ mode })
      .set('authorization', `Bearer ${t.token('auditor')}`)
      .expect(200)
  ).body as {
    mode: string;
    sinceId: string;
    valid: boolean;
    entriesChecked: number;
    chainsChecked: number;
    firstBroken: { chainKey: string; seq: number; id: string; reason: string } | null;
    checkpoint: { throughId: string; entryId: string } | null;
  };

/** Rewrites audit rows past the append-only trigger, as a superuser could. */
const tamper = (t: TestApp, sql: string) =>
  adminQuery(
    `SET session_replication_role = replica; ${sql}`,
    [],
    new URL(t.databaseUrl).pathname.slice(1),
  );

describe('verifying the audit log from the last verified point', () => {
  const ctx = withApp();

  it('checks everything the first time, then only what was appended since, and records each point', async () => {
    const { t } = ctx;
    await append(t, 'chain-a', 5);
    const first = await verify(t, 'incremental');
    expect(first).toMatchObject({ mode: 'full', sinceId: '0', valid: true, firstBroken: null });
    expect(first.entriesChecked).toBeGreaterThanOrEqual(5);
    expect(first.checkpoint).not.toBeNull();

    await append(t, 'chain-a', 2);
    await append(t, 'chain-b', 1);
    const second = await verify(t, 'incremental');
    // The two new entries of chain-a, the first of chain-b, and the entry recording the first point.
    expect(second).toMatchObject({
      mode: 'incremental',
      sinceId: first.checkpoint?.throughId,
      valid: true,
      entriesChecked: 4,
      chainsChecked: 3,
    });
    expect(BigInt(second.checkpoint?.throughId ?? 0)).toBeGreaterThan(
      BigInt(first.checkpoint?.throughId ?? 0),
    );

    const third = await verify(t, 'incremental');
    expect(third).toMatchObject({ valid: true, entriesChecked: 1, chainsChecked: 1 });
  });

  it('records the points as a chain of their own that a full verification checks too', async () => {
    const { t } = ctx;
    const points = await t.dataSource.query(
      `SELECT seq, action FROM audit_entry WHERE chain_key = 'audit-verification' ORDER BY seq`,
    );
    expect(points.length).toBeGreaterThanOrEqual(3);
    const full = await verify(t, 'full');
    expect(full).toMatchObject({ mode: 'full', valid: true });
  });
});

describe('an incremental verification after tampering', () => {
  const ctx = withApp();

  it('finds an entry rewritten after the last verified point', async () => {
    const { t } = ctx;
    await append(t, 'chain-c', 2);
    await verify(t, 'incremental');
    await append(t, 'chain-c', 2);
    const [target] = await t.dataSource.query(
      `SELECT id::text FROM audit_entry WHERE chain_key = 'chain-c' AND seq = 3`,
    );
    await tamper(t, `UPDATE audit_entry SET after = '{"i": 99}' WHERE id = ${Number(target.id)}`);
    const run = await verify(t, 'incremental');
    expect(run).toMatchObject({
      valid: false,
      checkpoint: null,
      firstBroken: { chainKey: 'chain-c', seq: 3, id: target.id, reason: 'hash_mismatch' },
    });
  });
});

describe('a verified point that was rewritten', () => {
  const ctx = withApp();

  it('is not trusted: a point whose own entry changed breaks its chain', async () => {
    const { t } = ctx;
    await append(t, 'chain-d', 3);
    const first = await verify(t, 'incremental');
    await tamper(
      t,
      `UPDATE audit_entry SET after = jsonb_set(after, '{throughId}', '"999999"')
        WHERE id = ${Number(first.checkpoint?.entryId)}`,
    );
    const run = await verify(t, 'incremental');
    expect(run).toMatchObject({
      valid: false,
      firstBroken: {
        chainKey: 'audit-verification',
        id: first.checkpoint?.entryId,
        reason: 'hash_mismatch',
      },
    });
  });
});

describe('the entry a verified point names, rewritten', () => {
  const ctx = withApp();

  it('no longer matches the point', async () => {
    const { t } = ctx;
    await append(t, 'chain-e', 3);
    const first = await verify(t, 'incremental');
    await tamper(
      t,
      `UPDATE audit_entry SET hash = repeat('0', 64) WHERE id = ${Number(first.checkpoint?.throughId)}`,
    );
    const run = await verify(t, 'incremental');
    expect(run).toMatchObject({
      valid: false,
      firstBroken: {
        chainKey: 'audit-verification',
        id: first.checkpoint?.entryId,
        reason: 'checkpoint_mismatch',
      },
    });
  });

  it('refuses a mode it does not know with 400', async () => {
    await ctx.t
      .http()
      .post(ROUTE)
      .send({ mode: 'partial' })
      .set('authorization', `Bearer ${ctx.t.token('auditor')}`)
      .expect(400);
  });
});
