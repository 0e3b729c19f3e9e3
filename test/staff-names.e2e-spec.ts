import { JwtRole } from '../src/auth/roles';
import { staff, submittedCase } from './support/cases';
import { FiledCase } from './support/filing';
import { startTestApp, TestApp } from './support/test-app';

describe('how staff are named, to colleagues and to customers', () => {
  let t: TestApp;
  const bearer = (role: JwtRole, sub: string, name?: string) =>
    `Bearer ${t.token(role, sub, name)}`;
  const acceptedCase = async (language = 'en'): Promise<FiledCase> => {
    const filed = await submittedCase(t, { preferredLanguage: language });
    await t
      .http()
      .post(`/v1/admin/cases/${filed.reference}/triage`)
      .set('authorization', staff(t).ombudsman)
      .send({ decision: 'accept', reason: 'Within time.' })
      .expect(200);
    return filed;
  };
  const assign = (reference: string, body: object, who = staff(t).ombudsman) =>
    t
      .http()
      .post(`/v1/admin/cases/${reference}/assign`)
      .set('authorization', who)
      .send(body)
      .expect(200);
  const customerView = async (filed: FiledCase) =>
    (
      await t
        .http()
        .get(`/v1/escalations/${filed.reference}`)
        .set('authorization', `Bearer ${filed.accessToken}`)
        .expect(200)
    ).body as { handler: { name: string } | null };
  /** Any authenticated request: the service learns the name the token carries. */
  const seen = (sub: string, name?: string) =>
    t
      .http()
      .get('/v1/admin/cases?limit=1')
      .set('authorization', bearer('ombudsman_officer', sub, name))
      .expect(200);

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('an officer assigned by an ombudsman without a name is shown to the customer by the name of their last token', async () => {
    await seen('nina', 'Nina Novak');
    const filed = await acceptedCase();
    await assign(filed.reference, { officerId: 'nina' });
    const view = await customerView(filed);
    expect(view.handler).toEqual({ name: 'Nina Novak' });
    const staffView = await t
      .http()
      .get(`/v1/admin/cases/${filed.reference}`)
      .set('authorization', staff(t).ombudsman)
      .expect(200);
    expect(staffView.body).toMatchObject({
      assignedOfficerId: 'nina',
      assignedOfficerName: 'Nina Novak',
    });
  });

  it.each([
    ['en', 'Your case handler'],
    ['ru', 'Сотрудник, ведущий Ваше дело'],
    ['zh', '您的案件处理人'],
  ])(
    'an officer the service never saw is shown in neutral words in the customer’s language (%s), never by id',
    async (language, words) => {
      const officer = `ghost-${language}`;
      const filed = await acceptedCase(language);
      await assign(filed.reference, { officerId: officer });
      const view = await customerView(filed);
      expect(view.handler).toEqual({ name: words });
      expect(JSON.stringify(view)).not.toContain(officer);
    },
  );

  it('once the officer shows up with a named token, the customer reads that name', async () => {
    const filed = await acceptedCase();
    await assign(filed.reference, { officerId: 'late-lara' });
    expect((await customerView(filed)).handler).toEqual({ name: 'Your case handler' });
    await seen('late-lara', 'Lara Late');
    expect((await customerView(filed)).handler).toEqual({ name: 'Lara Late' });
  });

  it('an officer taking a case with a token without a name is named from the directory, else in neutral words', async () => {
    const first = await acceptedCase();
    await assign(
      first.reference,
      { officerId: 'quiet-quinn' },
      bearer('ombudsman_officer', 'quiet-quinn'),
    );
    expect((await customerView(first)).handler).toEqual({ name: 'Your case handler' });

    await seen('quiet-quinn', 'Quinn Q');
    const second = await acceptedCase();
    await assign(
      second.reference,
      { officerId: 'quiet-quinn' },
      bearer('ombudsman_officer', 'quiet-quinn'),
    );
    expect((await customerView(second)).handler).toEqual({ name: 'Quinn Q' });
  });

  it('a staff token may leave out its name: records carry the name last seen for its sub, else the sub', async () => {
    const filed = await acceptedCase();
    const note = (body: string) =>
      t
        .http()
        .post(`/v1/admin/cases/${filed.reference}/notes`)
        .set('authorization', bearer('ombudsman', 'rosa'))
        .send({ body })
        .expect(201);
    await note('Before Rosa was ever named.');
    await t
      .http()
      .get(`/v1/admin/cases/${filed.reference}`)
      .set('authorization', bearer('ombudsman', 'rosa', 'Rosa Rivera'))
      .expect(200);
    await note('After a named token.');
    const timeline = await t
      .http()
      .get(`/v1/admin/cases/${filed.reference}/timeline`)
      .set('authorization', bearer('auditor', 'ivy'))
      .expect(200);
    const notes = (timeline.body.items as { type: string; actorName: string; body: string }[])
      .filter((e) => e.body?.startsWith('Before') || e.body?.startsWith('After'))
      .map((e) => [e.body, e.actorName]);
    expect(notes).toEqual([
      ['Before Rosa was ever named.', 'rosa'],
      ['After a named token.', 'Rosa Rivera'],
    ]);
  });
});
