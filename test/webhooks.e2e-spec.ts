import { JwtRole } from '../src/auth/roles';
import { startTestApp, TestApp } from './support/test-app';

const BASE = '/v1/admin/webhooks';
const PROBLEM = /^application\/problem\+json/;
const PUBLIC_URL = 'https://203.0.113.10/hooks/ombudsman';

describe('webhook subscriptions', () => {
  let t: TestApp;
  const bearer = (role: JwtRole = 'ombudsman', sub = 'olga') => `Bearer ${t.token(role, sub)}`;
  const subscribe = (body: object, role: JwtRole = 'ombudsman') =>
    t.http().post(BASE).set('authorization', bearer(role)).send(body);
  const get = (path: string, role: JwtRole = 'ombudsman') =>
    t.http().get(path).set('authorization', bearer(role));

  // No WEBHOOK_ALLOW_PRIVATE here: the service's own default, as in production.
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('an ombudsman subscribes a URL and sees the secret in that answer only', async () => {
    const res = await subscribe({
      url: PUBLIC_URL,
      events: ['case.submitted', 'case.status_changed'],
      description: 'CRM: open a ticket for every new case',
    }).expect(201);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      url: PUBLIC_URL,
      events: ['case.submitted', 'case.status_changed'],
      description: 'CRM: open a ticket for every new case',
      createdBy: 'olga',
    });
    const secret: string = res.body.secret;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);

    const read = await get(`${BASE}/${res.body.id}`).expect(200);
    expect(read.body).toEqual({ ...res.body, secret: undefined });
    expect(JSON.stringify(read.body)).not.toContain('whsec_');
    const list = await get(BASE, 'auditor').expect(200);
    expect(list.body.items.map((w: { id: string }) => w.id)).toContain(res.body.id);
    expect(JSON.stringify(list.body)).not.toContain('whsec_');

    const [stored] = (await t.dataSource.query(
      `SELECT encode(secret_sealed, 'escape') AS sealed FROM webhook_subscription WHERE id = $1`,
      [res.body.id],
    )) as { sealed: string }[];
    expect(stored.sealed).not.toContain(secret.slice(6));
  });

  it('records who subscribed in the audit log, without the secret', async () => {
    const res = await subscribe({ url: PUBLIC_URL, events: ['*'] }).expect(201);
    const rows = (await t.dataSource.query(
      `SELECT actor_sub, after FROM audit_entry WHERE action = 'webhook.subscribed' AND after->>'id' = $1`,
      [res.body.id],
    )) as { actor_sub: string; after: Record<string, unknown> }[];
    expect(rows).toHaveLength(1);
    expect(rows[0].actor_sub).toBe('olga');
    expect(JSON.stringify(rows[0].after)).not.toContain('whsec_');
  });

  it.each<JwtRole>(['ombudsman_officer', 'auditor', 'frontline_agent', 'integration'])(
    'a %s may not create or delete subscriptions',
    async (role) => {
      const created = await subscribe({ url: PUBLIC_URL, events: ['*'] }).expect(201);
      const res = await subscribe({ url: PUBLIC_URL, events: ['*'] }, role).expect(403);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      await t
        .http()
        .delete(`${BASE}/${created.body.id}`)
        .set('authorization', bearer(role))
        .expect(403);
      await get(`${BASE}/${created.body.id}`).expect(200);
    },
  );

  it('auditors read subscriptions and deliveries; officers and the front line do not', async () => {
    const { body } = await subscribe({ url: PUBLIC_URL, events: ['*'] }).expect(201);
    await get(BASE, 'auditor').expect(200);
    await get(`${BASE}/${body.id}/deliveries`, 'auditor').expect(200);
    await get(`${BASE}/event-types`, 'auditor').expect(200);
    for (const role of ['ombudsman_officer', 'frontline_agent'] as JwtRole[]) {
      await get(BASE, role).expect(403);
      await get(`${BASE}/${body.id}/deliveries`, role).expect(403);
    }
    await t.http().get(BASE).expect(401);
  });

  it('publishes the event catalogue and refuses event types outside it', async () => {
    const catalogue = await get(`${BASE}/event-types`).expect(200);
    const types = (catalogue.body as { type: string }[]).map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'case.submitted',
        'case.status_changed',
        'decision.issued',
        'sla.breached',
      ]),
    );
    const res = await subscribe({
      url: PUBLIC_URL,
      events: ['case.submitted', 'case.eaten'],
    }).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['events']);
    await subscribe({ url: PUBLIC_URL, events: [] }).expect(400);
    await subscribe({ url: 'ftp://203.0.113.10/x', events: ['*'] }).expect(400);
    await subscribe({ url: PUBLIC_URL, events: ['*'], secret: 'mine' }).expect(400);
  });

  it('deletes a subscription: it leaves the list, and a second delete answers 404', async () => {
    const { body } = await subscribe({ url: PUBLIC_URL, events: ['*'] }).expect(201);
    const del = () => t.http().delete(`${BASE}/${body.id}`).set('authorization', bearer());
    await del().expect(204);
    const res = await del().expect(404);
    expect(res.body.code).toBe('WEBHOOK_NOT_FOUND');
    await get(`${BASE}/${body.id}`).expect(404);
    await get(`${BASE}/${body.id}/deliveries`).expect(404);
    const list = await get(`${BASE}?limit=100`).expect(200);
    expect(list.body.items.map((w: { id: string }) => w.id)).not.toContain(body.id);
    await get(`${BASE}/not-a-uuid`).expect(404);
  });

  it('pages through subscriptions newest first with a cursor', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      ids.push((await subscribe({ url: `${PUBLIC_URL}/${i}`, events: ['*'] }).expect(201)).body.id);
    }
    const first = await get(`${BASE}?limit=2`).expect(200);
    expect(first.body.items.map((w: { id: string }) => w.id)).toEqual([ids[2], ids[1]]);
    const second = await get(`${BASE}?limit=2&cursor=${first.body.nextCursor}`).expect(200);
    expect(second.body.items[0].id).toBe(ids[0]);
    await get(`${BASE}?cursor=bm9wZQ`).expect(400);
  });

  describe('refuses URLs that reach into private networks', () => {
    it.each([
      ['http://127.0.0.1:8080/hook', 'loopback'],
      ['http://localhost:3000/hook', 'loopback'],
      ['http://10.0.0.8/hook', 'private'],
      ['http://192.168.1.20/hook', 'private'],
      ['http://169.254.169.254/latest/meta-data', 'link-local'],
      ['http://[::1]:8080/hook', 'loopback'],
      ['http://[::ffff:127.0.0.1]/hook', 'loopback'],
      ['http://[fd00::1]/hook', 'unique-local'],
      ['http://0.0.0.0/hook', 'unspecified'],
      ['http://[64:ff9b::7f00:1]/hook', 'NAT64 embedding 127.0.0.1 (loopback)'],
      ['http://[64:ff9b::169.254.169.254]/hook', 'NAT64 embedding 169.254.169.254 (link-local)'],
      ['http://[64:ff9b:1::1]/hook', 'NAT64 (local-use)'],
      ['http://[2002:a00:1::1]/hook', '6to4 embedding 10.0.0.1 (private)'],
      ['http://[2002:cb00:710a::1]/hook', '6to4'],
      ['http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/hook', 'Teredo embedding 127.0.0.1'],
      ['http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hook', 'Teredo'],
      ['http://[::127.0.0.1]/hook', 'IPv4-compatible embedding 127.0.0.1 (loopback)'],
      ['http://[::ffff:0:a00:1]/hook', 'IPv4-translated embedding 10.0.0.1 (private)'],
    ])('refuses %s (%s)', async (url, kind) => {
      const res = await subscribe({ url, events: ['case.submitted'] }).expect(422);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toMatchObject({
        code: 'WEBHOOK_URL_REFUSED',
        errors: [{ field: 'url', message: expect.stringContaining(kind) }],
      });
      expect(res.body.detail).toContain('WEBHOOK_ALLOW_PRIVATE');
    });

    it('stores nothing for a refused URL', async () => {
      await subscribe({ url: 'http://10.1.2.3/hook', events: ['*'] }).expect(422);
      const rows = (await t.dataSource.query(
        `SELECT count(*)::int AS n FROM webhook_subscription WHERE url = 'http://10.1.2.3/hook'`,
      )) as { n: number }[];
      expect(rows[0].n).toBe(0);
    });
  });
});
