import { randomUUID } from 'node:crypto';
import { Response } from 'supertest';
import { IdempotencyService } from '../src/common/idempotency/idempotency.service';
import { keyHash } from '../src/common/idempotency/response-cipher';
import {
  IdempotencyProbeControl,
  IdempotencyProbeModule,
  PROBE_TABLE_SQL,
} from './support/idempotency-probe.module';
import { startTestApp, TestApp } from './support/test-app';

const PROBLEM = /^application\/problem\+json/;

describe('Idempotency-Key', () => {
  let t: TestApp;
  let control: IdempotencyProbeControl;

  beforeAll(async () => {
    t = await startTestApp({ extraModules: [IdempotencyProbeModule] });
    await t.dataSource.query(PROBE_TABLE_SQL);
    control = t.app.get(IdempotencyProbeControl);
  });
  afterAll(() => t.close());

  const create = (key: string | undefined, body: object) => {
    const req = t.http().post('/probe/idempotent');
    if (key !== undefined) void req.set('idempotency-key', key);
    return req.send(body);
  };
  const probeRows = async (name: string) =>
    (await t.dataSource.query('SELECT id::text FROM idempotency_probe WHERE name = $1', [
      name,
    ])) as { id: string }[];
  const storedKeys = async (key: string) =>
    (await t.dataSource.query(
      'SELECT response_body, key_hash, request_hash FROM idempotency_key WHERE scope = $1 AND key_hash = $2',
      ['probe', keyHash('probe', key)],
    )) as { response_body: Buffer; key_hash: string; request_hash: string }[];

  it('replays the first status and body for the same key and body, creating one row', async () => {
    const key = randomUUID();
    const first = await create(key, { name: 'replay' }).expect(201);
    const again = await create(key, { name: 'replay' }).expect(201);
    expect(again.body).toEqual(first.body);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await probeRows('replay')).toEqual([{ id: first.body.id }]);
  });

  it('answers the same key with another body with 422 and creates nothing', async () => {
    const key = randomUUID();
    await create(key, { name: 'reused-a' }).expect(201);
    const res = await create(key, { name: 'reused-b' }).expect(422);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await probeRows('reused-b')).toHaveLength(0);
    expect(await probeRows('reused-a')).toHaveLength(1);
  });

  it('answers 409 while the first request with the key is still running', async () => {
    const key = randomUUID();
    const hold = control.holdNext();
    const first = create(key, { name: 'in-flight' }).then((res: Response) => res);
    await hold.started;
    let second: Response;
    try {
      second = await create(key, { name: 'in-flight' });
    } finally {
      // Released before asserting, so a failure cannot leave a transaction hanging.
      hold.release();
    }
    expect(second.status).toBe(409);
    expect(second.headers['content-type']).toMatch(PROBLEM);
    expect(second.body).toMatchObject({ status: 409, code: 'IDEMPOTENCY_IN_FLIGHT' });
    expect(second.headers['retry-after']).toBe('1');
    const done = await first;
    expect(done.status).toBe(201);
    const replay = await create(key, { name: 'in-flight' }).expect(201);
    expect(replay.body).toEqual(done.body);
    expect(await probeRows('in-flight')).toHaveLength(1);
  });

  it('creates exactly one row for ten concurrent requests with one key', async () => {
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => create(key, { name: 'concurrent' })),
    );
    const statuses = answers.map((res) => res.status);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    const created = answers.filter((res) => res.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const res of created) expect(res.body).toEqual(created[0].body);
    const rows = await probeRows('concurrent');
    expect(rows).toEqual([{ id: created[0].body.id }]);
  });

  it('stores neither the row nor the key when the work fails, so a retry succeeds', async () => {
    const key = randomUUID();
    control.failNext = true;
    const failed = await create(key, { name: 'fails-once' }).expect(500);
    expect(failed.body.code).toBe('INTERNAL');
    expect(await probeRows('fails-once')).toHaveLength(0);
    expect(await storedKeys(key)).toHaveLength(0);
    const retry = await create(key, { name: 'fails-once' }).expect(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(await probeRows('fails-once')).toEqual([{ id: retry.body.id }]);
  });

  it('keeps the stored response unreadable and the key only as a hash', async () => {
    const key = `client-key-${randomUUID()}`;
    const res = await create(key, { name: 'sealed' }).expect(201);
    const [stored] = await storedKeys(key);
    const dump = JSON.stringify(
      await t.dataSource.query(
        'SELECT scope, key_hash, request_hash, encode(response_body, $1) AS body FROM idempotency_key',
        ['escape'],
      ),
    );
    expect(stored.response_body.includes(Buffer.from(res.body.secret))).toBe(false);
    expect(stored.response_body.includes(Buffer.from(res.body.id))).toBe(false);
    expect(dump).not.toContain(res.body.secret);
    expect(dump).not.toContain(res.body.id);
    expect(dump).not.toContain(key);
    expect(stored.key_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('works as a plain transaction when no key is sent', async () => {
    await create(undefined, { name: 'no-key' }).expect(201);
    await create(undefined, { name: 'no-key' }).expect(201);
    expect(await probeRows('no-key')).toHaveLength(2);
  });

  it.each([
    ['empty', ''],
    ['too long', 'k'.repeat(256)],
    ['with a space', 'two words'],
    ['not ASCII', 'caf\u00e9'],
  ])('refuses a key that is %s with 400 naming the header', async (_case, key) => {
    const res = await create(key, { name: 'bad-key' }).expect(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'Idempotency-Key', message: expect.any(String) }],
    });
    expect(await probeRows('bad-key')).toHaveLength(0);
  });

  it('accepts a key of 255 visible ASCII characters', async () => {
    await create('~'.repeat(255), { name: 'long-key' }).expect(201);
  });

  it('ignores an expired key and purges it', async () => {
    const key = randomUUID();
    const expire = () =>
      t.dataSource.query(
        `UPDATE idempotency_key SET created_at = now() - interval '25 hours',
           expires_at = now() - interval '1 hour' WHERE scope = $1 AND key_hash = $2`,
        ['probe', keyHash('probe', key)],
      );
    const first = await create(key, { name: 'expired-a' }).expect(201);
    await expire();
    // Another body under the expired key is a new request, not a reuse.
    const fresh = await create(key, { name: 'expired-b' }).expect(201);
    expect(fresh.headers['idempotent-replayed']).toBeUndefined();
    expect(fresh.body.id).not.toBe(first.body.id);
    expect(await probeRows('expired-b')).toHaveLength(1);
    const live = randomUUID();
    await create(live, { name: 'still-live' }).expect(201);
    await expire();
    const purged = await t.app.get(IdempotencyService).purgeExpired(1);
    expect(purged).toBeGreaterThanOrEqual(1);
    expect(await storedKeys(key)).toHaveLength(0);
    expect(await storedKeys(live)).toHaveLength(1);
  });
});
