import request from 'supertest';
import { createComplaint } from './support/filing';
import { startTestApp, TestApp } from './support/test-app';

/** The customer pages over plain HTTP; test/portal.browser.e2e-spec.ts drives them in Chromium. */
describe('customer pages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { PUBLIC_BASE_URL: 'https://ombudsman.example' } });
  });
  afterAll(() => t.close());

  const agent = () => request.agent(t.app.getHttpServer());

  /** The filing form's CSRF token and idempotency key, with the agent holding the secret cookie. */
  async function openForm(a: ReturnType<typeof agent>, path = '/file') {
    const page = await a.get(path).expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1];
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(page.text)?.[1];
    return { csrf: csrf!, key: key!, page };
  }

  const filing = (extra: Record<string, string> = {}) => ({
    name: 'Anna Petrova',
    email: 'anna@example.org',
    subject: 'Refund refused',
    description: 'I returned the goods and the deposit was never refunded.',
    category: 'billing',
    preferredLanguage: 'en',
    ...extra,
  });

  it('serves every public page in every language under a policy that allows no inline script', async () => {
    for (const path of ['/', '/file', '/access', '/cases/OMB-2026-000001']) {
      for (const lang of ['en', 'ru', 'zh']) {
        const res = await agent().get(`${path}?lang=${lang}`).expect(200);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(res.headers['content-security-policy']).toContain("script-src 'self'");
        expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
        expect(res.headers['cache-control']).toBe('no-store');
        expect(res.text).toContain(`<html lang="${lang}">`);
        expect(res.text).not.toMatch(/<script>|style="/);
      }
    }
  });

  it('refuses a form post without the CSRF token, and with a token of another visitor', async () => {
    const a = agent();
    const { key } = await openForm(a);
    await a
      .post('/file')
      .type('form')
      .send({ ...filing(), idempotencyKey: key })
      .expect(403);
    const { csrf: foreign } = await openForm(agent());
    await a
      .post('/file')
      .type('form')
      .send({ ...filing(), idempotencyKey: key, _csrf: foreign })
      .expect(403);
  });

  it('refuses a form body on every API route', async () => {
    await agent().post('/v1/escalations').type('form').send(filing()).expect(415);
  });

  it('files once however often the same form is sent, and escapes what the customer wrote', async () => {
    const a = agent();
    const { csrf, key } = await openForm(a);
    const body = {
      ...filing({ subject: '<script>alert(1)</script>' }),
      _csrf: csrf,
      idempotencyKey: key,
    };
    const [first, second] = await Promise.all([
      a.post('/file').type('form').send(body),
      a.post('/file').type('form').send(body),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const reference = (text: string) => /class="reference">([^<]+)</.exec(text)?.[1];
    expect(reference(first.text)).toMatch(/^OMB-\d{4}-\d{6}$/);
    expect(reference(second.text)).toBe(reference(first.text));
    expect(first.text).toContain('https://ombudsman.example/cases/');
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/omb-session=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Strict/);
    const page = await a.get(`/cases/${reference(first.text)}`).expect(200);
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.text).not.toContain('<script>alert(1)');
  });

  it('adds the documents of a filing sent as multipart once, however often the same form is sent', async () => {
    const a = agent();
    const { csrf, key } = await openForm(a);
    const send = () => {
      const post = a.post(`/file?_csrf=${encodeURIComponent(csrf)}`);
      for (const [name, value] of Object.entries({ ...filing(), idempotencyKey: key }))
        void post.field(name, value);
      return post
        .attach('documents', Buffer.from('Receipt 4471-22\n'), {
          filename: 'receipt.txt',
          contentType: 'text/plain',
        })
        .attach('documents', Buffer.alloc(0), {
          filename: '',
          contentType: 'application/octet-stream',
        })
        .expect(200);
    };
    const first = await send();
    expect(first.text).toContain('receipt.txt: added to your case.');
    const second = await send();
    const reference = (text: string) => /class="reference">([^<]+)</.exec(text)?.[1];
    expect(reference(second.text)).toBe(reference(first.text));
    const rows = (await t.dataSource.query(
      `SELECT d.filename, d.uploader_side FROM case_document d
         JOIN ombudsman_case c ON c.id = d.case_id WHERE c.reference = $1`,
      [reference(first.text)],
    )) as { filename: string; uploader_side: string }[];
    expect(rows).toEqual([{ filename: 'receipt.txt', uploader_side: 'customer' }]);
    // Without the token in the action's query, a multipart post is refused like any other.
    await a
      .post('/file')
      .field('_csrf', csrf)
      .field('name', 'Anna')
      .attach('documents', Buffer.from('x\n'), 'x.txt')
      .expect(403);
  });

  it('shows each wrong or missing field next to it, in the customer’s language', async () => {
    const a = agent();
    const { csrf, key } = await openForm(a, '/file?lang=ru');
    const res = await a
      .post('/file')
      .type('form')
      .send({
        ...filing({ name: '', email: 'not-an-address', complaintReference: 'X1' }),
        _csrf: csrf,
        idempotencyKey: key,
      })
      .expect(400);
    expect(res.text).toContain('aria-describedby="f-name-error"');
    expect(res.text).toMatch(/id="f-name-error">Заполните это поле\.</);
    expect(res.text).toMatch(/id="f-email-error">Укажите адрес/);
    expect(res.text).toMatch(/id="f-complaintReference-error">Номер выглядит так: CMP-000123\.</);
    // The summary above the form names each field it sends the customer to.
    expect(res.text).toMatch(/href="#f-email">Ваш адрес электронной почты: Укажите адрес/);
  });

  it('says a linked complaint that is not the filer’s is unknown, by the field', async () => {
    const annas = await createComplaint(t, { answeredDaysAgo: 10 });
    const a = agent();
    const { csrf, key } = await openForm(a);
    const res = await a
      .post('/file')
      .type('form')
      .send({
        ...filing({ complaintReference: annas, email: 'someone@example.org' }),
        _csrf: csrf,
        idempotencyKey: key,
      })
      .expect(422);
    expect(res.text).toMatch(/id="f-complaintReference-error">We found no complaint of yours/);
  });

  it('answers the lost-link form alike for any address', async () => {
    const a = agent();
    const { csrf } = await openForm(a, '/access');
    const res = await a
      .post('/access')
      .type('form')
      .send({ _csrf: csrf, reference: 'OMB-2026-999999', email: 'nobody@example.org' });
    expect([200, 400]).toContain(res.status);
  });
});
