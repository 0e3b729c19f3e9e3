import { AuditService } from '../src/audit/audit.service';
import { adminQuery } from './support/database';
import { startTestApp, TestApp } from './support/test-app';

const ACTOR = { sub: 'alice', role: 'ombudsman' } as const;

describe('the audit log', () => {
  let t: TestApp;
  let audit: AuditService;
  beforeAll(async () => {
    t = await startTestApp();
    audit = t.app.get(AuditService);
  });
  afterAll(() => t.close());

  const appendOne = (chainKey: string, i: number) =>
    t.dataSource.transaction((manager) =>
      audit.append(manager, {
        chainKey,
        actor: ACTOR,
        action: 'note.added',
        after: { i, text: 'Привет 你好' },
      }),
    );

  it('keeps one unbroken chain when twenty writers append to it at once', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => appendOne('chain-concurrent', i)));
    const rows = await t.dataSource.query(
      `SELECT seq, prev_hash, hash FROM audit_entry WHERE chain_key = 'chain-concurrent' ORDER BY seq`,
    );
    expect(rows.map((r: { seq: number }) => r.seq)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    for (let i = 1; i < rows.length; i += 1) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
    const report = await audit.verify();
    expect(report).toMatchObject({ valid: true, firstBroken: null });
    expect(report.entriesChecked).toBeGreaterThanOrEqual(20);
  });

  it('appends a batch to several chains, interleaved, concurrently with single appends, each chain unbroken', async () => {
    const batch = (n: number) =>
      t.dataSource.transaction((manager) =>
        audit.appendMany(
          manager,
          Array.from({ length: 30 }, (_, i) => ({
            chainKey: ['chain-batch-b', 'chain-batch-a', 'chain-batch-c'][i % 3],
            actor: ACTOR,
            action: 'mail.sent',
            after: { n, i, text: 'Привет 你好', none: undefined },
          })),
        ),
      );
    await appendOne('chain-batch-a', 0);
    await Promise.all([batch(1), batch(2), appendOne('chain-batch-a', 1), batch(3)]);
    for (const key of ['chain-batch-a', 'chain-batch-b', 'chain-batch-c']) {
      const { entries, firstBroken } = await audit.chain(key);
      expect(firstBroken).toBeNull();
      expect(entries).toHaveLength(key === 'chain-batch-a' ? 32 : 30);
    }
    expect(await audit.verify()).toMatchObject({ valid: true, firstBroken: null });
  });

  it('starts a new chain with one entry, and refuses to start one that already exists', async () => {
    const start = () =>
      t.dataSource.transaction((manager) =>
        audit.startChain(manager, {
          chainKey: 'chain-new',
          actor: ACTOR,
          action: 'case.submitted',
        }),
      );
    await start();
    await appendOne('chain-new', 2);
    await expect(start()).rejects.toThrow(/uq_audit_entry_chain_seq/);
    const { entries, firstBroken } = await audit.chain('chain-new');
    expect(entries.map((e) => e.seq)).toEqual([1, 2]);
    expect(firstBroken).toBeNull();
  });

  it('writes nothing when the surrounding transaction fails', async () => {
    await expect(
      t.dataSource.transaction(async (manager) => {
        await audit.append(manager, { chainKey: 'chain-rollback', actor: ACTOR, action: 'x' });
        throw new Error('the business write failed');
      }),
    ).rejects.toThrow('the business write failed');
    const rows = await t.dataSource.query(
      `SELECT 1 FROM audit_entry WHERE chain_key = 'chain-rollback'`,
    );
    expect(rows).toHaveLength(0);
  });

  it.each([
    ['UPDATE', `UPDATE audit_entry SET action = 'forged'`],
    ['DELETE', `DELETE FROM audit_entry`],
    ['TRUNCATE', `TRUNCATE audit_entry`],
  ])('refuses %s at the database', async (_op, sql) => {
    await appendOne('chain-guarded', 0);
    await expect(t.dataSource.query(sql)).rejects.toThrow(/append-only/);
  });

  it('reports the exact entry a superuser tampered with', async () => {
    for (let i = 0; i < 5; i += 1) await appendOne('chain-tampered', i);
    const [target] = await t.dataSource.query(
      `SELECT id::text FROM audit_entry WHERE chain_key = 'chain-tampered' AND seq = 3`,
    );
    const database = new URL(t.databaseUrl).pathname.slice(1);
    await adminQuery(
      `SET session_replication_role = replica;
       UPDATE audit_entry SET after = '{"i": 99}' WHERE id = ${Number(target.id)};`,
      [],
      database,
    );
    const res = await t
      .http()
      .get('/v1/admin/audit/verify')
      .set('authorization', `Bearer ${t.token('auditor')}`)
      .expect(200);
    expect(res.body).toMatchObject({
      valid: false,
      firstBroken: { chainKey: 'chain-tampered', seq: 3, id: target.id, reason: 'hash_mismatch' },
    });
  });
});

describe('the outbox', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('records an event only when the caller’s transaction commits', async () => {
    const { OutboxService } = await import('../src/notifications/outbox/outbox.service');
    const outbox = t.app.get(OutboxService);
    const event = {
      type: 'case.submitted',
      aggregateType: 'case',
      aggregateId: 'OMB-2026-000001',
      payload: { a: 1 },
    };
    const committed = await t.dataSource.transaction((m) => outbox.record(m, event));
    await expect(
      t.dataSource.transaction(async (m) => {
        await outbox.record(m, { ...event, aggregateId: 'OMB-2026-000002' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow();
    const rows = await t.dataSource.query('SELECT id, aggregate_id, payload FROM outbox_event');
    expect(rows).toEqual([{ id: committed, aggregate_id: 'OMB-2026-000001', payload: { a: 1 } }]);
  });
});
