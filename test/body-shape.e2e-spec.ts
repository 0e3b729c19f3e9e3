import { filingBody } from './support/filing';
import { ProbeModule } from './support/probe.module';
import { startTestApp, TestApp } from './support/test-app';

const PROBLEM = /^application\/problem\+json/;
const NOTES = '/v1/admin/cases/OMB-2026-000001/notes';

const nested = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

/** About 1 MB of JSON: 95,000 keys no DTO knows. */
function manyUnknownKeys(): string {
  const entries: string[] = [];
  for (let i = 0; i < 95_000; i += 1) entries.push(`"k${i}":1`);
  return `{${entries.join(',')}}`;
}

describe('body shape limits', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ extraModules: [ProbeModule] });
  });
  afterAll(() => t.close());

  it('refuses a body nested 10,000 levels deep with 400, before authentication', async () => {
    const res = await t
      .http()
      .post(NOTES)
      .set('content-type', 'application/json')
      .send(nested(10_000))
      .expect(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.code).toBe('BODY_TOO_DEEP');
  });

  it('refuses a body one level deeper than the limit and takes one at the limit', async () => {
    const tooDeep = await t
      .http()
      .post('/probe/echo')
      .set('content-type', 'application/json')
      .send(`{"name":"x","contact":{"email":"a@example.org"},"tags":[],"z":${nested(32)}}`)
      .expect(400);
    expect(tooDeep.body.code).toBe('BODY_TOO_DEEP');
    const atLimit = await t
      .http()
      .post('/probe/echo')
      .set('content-type', 'application/json')
      .send(`{"name":"x","contact":{"email":"a@example.org"},"tags":[],"z":${nested(31)}}`)
      .expect(400);
    expect(atLimit.body.code).toBe('VALIDATION_FAILED');
  });

  it('answers a staff body of 95,000 unknown keys with a small 413 problem', async () => {
    const res = await t
      .http()
      .post(NOTES)
      .set('authorization', `Bearer ${t.token('ombudsman')}`)
      .set('content-type', 'application/json')
      .send(manyUnknownKeys())
      .expect(413);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.code).toBe('BODY_TOO_MANY_FIELDS');
    expect(res.text.length).toBeLessThan(2_000);
  });

  it('caps errors[] of a validation problem at 50 and counts every error', async () => {
    const body: Record<string, unknown> = { name: 'x', contact: { email: 'a@example.org' } };
    for (let i = 0; i < 300; i += 1) body[`unknown${i}`] = i;
    const res = await t.http().post('/probe/echo').send(body).expect(400);
    expect(res.body.errors).toHaveLength(50);
    expect(res.body.errorCount).toBe(302);
  });

  it('takes a filing with every text at its longest, in Chinese, under the public limit', async () => {
    const han = (n: number) => '诉'.repeat(n);
    await t
      .http()
      .post('/v1/escalations')
      .send(
        filingBody({
          customer: { name: han(200), email: 'anna@example.org', customerNumber: 'C-1009' },
          subject: han(200),
          description: han(10_000),
          desiredOutcome: han(2_000),
        }),
      )
      .expect(201);
  });

  it('gives public routes a smaller body limit than staff routes', async () => {
    const description = 'x'.repeat(80 * 1024);
    const publicRes = await t
      .http()
      .post('/v1/escalations')
      .send(filingBody({ description }))
      .expect(413);
    expect(publicRes.body.code).toBe('PAYLOAD_TOO_LARGE');
    const staffRes = await t
      .http()
      .post(NOTES)
      .set('authorization', `Bearer ${t.token('ombudsman')}`)
      .send({ body: description });
    expect(staffRes.status).not.toBe(413);
  });
});
