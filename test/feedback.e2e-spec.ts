import { adminQuery } from './support/database';
import { staff } from './support/cases';
import { databaseName, fileCase, FiledCase } from './support/filing';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Feedback is refused with 409 (not 422) before closure: the request is well formed, it only
 * conflicts with the case's current status, which the problem body carries as `currentStatus`.
 */
describe('feedback and suggestions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  async function closedCase(overrides: Record<string, unknown> = {}): Promise<FiledCase> {
    const filed = await fileCase(t, overrides);
    await t
      .http()
      .post(`/v1/escalations/${filed.reference}/withdraw`)
      .set(bearer(filed.accessToken))
      .send({ reason: 'Sorted out with the shop.' })
      .expect(200);
    return filed;
  }

  describe('feedback', () => {
    it('records a rating and a comment on a closed case', async () => {
      const filed = await closedCase();
      const res = await t
        .http()
        .post(`/v1/escalations/${filed.reference}/feedback`)
        .set(bearer(filed.accessToken))
        .send({ rating: 4, comment: 'Quick and clear.' })
        .expect(201);
      expect(res.body).toMatchObject({
        id: expect.any(String),
        reference: filed.reference,
        rating: 4,
        comment: 'Quick and clear.',
      });
      const audit = await adminQuery<{ action: string }>(
        `SELECT action FROM audit_entry WHERE action = 'feedback.given'`,
        [],
        databaseName(t),
      );
      expect(audit).toHaveLength(1);
    });

    it('refuses feedback on an open case with 409 and the current status', async () => {
      const filed = await fileCase(t);
      const res = await t
        .http()
        .post(`/v1/escalations/${filed.reference}/feedback`)
        .set(bearer(filed.accessToken))
        .send({ rating: 5 })
        .expect(409);
      expect(res.body).toMatchObject({ currentStatus: 'referred_to_frontline' });
    });

    it('accepts feedback only once per case: the second time is 409', async () => {
      const filed = await closedCase();
      const give = () =>
        t
          .http()
          .post(`/v1/escalations/${filed.reference}/feedback`)
          .set(bearer(filed.accessToken))
          .send({ rating: 3 });
      await give().expect(201);
      const again = await give().expect(409);
      expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
    });

    it.each([[0], [6], [3.5], ['5']])('refuses a rating of %p with 400', async (rating) => {
      const filed = await closedCase();
      const res = await t
        .http()
        .post(`/v1/escalations/${filed.reference}/feedback`)
        .set(bearer(filed.accessToken))
        .send({ rating })
        .expect(400);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'rating' })]),
      );
    });

    it('refuses a comment longer than 4000 characters with 400', async () => {
      const filed = await closedCase();
      await t
        .http()
        .post(`/v1/escalations/${filed.reference}/feedback`)
        .set(bearer(filed.accessToken))
        .send({ rating: 2, comment: 'x'.repeat(4001) })
        .expect(400);
    });

    it('answers 404 when one case’s token is used on another case’s reference', async () => {
      const mine = await closedCase();
      const theirs = await closedCase();
      await t
        .http()
        .post(`/v1/escalations/${theirs.reference}/feedback`)
        .set(bearer(mine.accessToken))
        .send({ rating: 1 })
        .expect(404);
    });

    it('answers 401 without a token', async () => {
      const filed = await closedCase();
      await t
        .http()
        .post(`/v1/escalations/${filed.reference}/feedback`)
        .send({ rating: 1 })
        .expect(401);
    });
  });

  describe('suggestions', () => {
    const CASES = [
      ['en', /Your suggestion has been accepted/, /put into practice/],
      ['ru', /Ваше предложение принято/, /воплощено в жизнь/],
      ['zh', /您的建议已被采纳/, /已付诸实施/],
    ] as const;

    it.each(CASES)(
      'follows a suggestion from received to implemented in %s',
      async (language, acceptedText, implementedText) => {
        const filed = await fileCase(t, { preferredLanguage: language });
        const made = await t
          .http()
          .post(`/v1/escalations/${filed.reference}/suggestions`)
          .set(bearer(filed.accessToken))
          .send({ text: `Send a text message when a refund is paid (${language}).` })
          .expect(201);
        expect(made.body).toMatchObject({
          status: 'received',
          statusText: expect.any(String),
          publicResponse: null,
        });
        const { officer, ombudsman } = staff(t);
        await t
          .http()
          .post(`/v1/admin/suggestions/${made.body.id}/status`)
          .set('authorization', officer)
          .send({ status: 'accepted', publicResponse: 'From March, every refund sends an SMS.' })
          .expect(200);
        let mine = await t
          .http()
          .get(`/v1/escalations/${filed.reference}/suggestions`)
          .set(bearer(filed.accessToken))
          .expect(200);
        expect(mine.body.items).toEqual([
          expect.objectContaining({
            id: made.body.id,
            status: 'accepted',
            statusText: expect.stringMatching(acceptedText),
            publicResponse: 'From March, every refund sends an SMS.',
          }),
        ]);
        expect(mine.body.nextCursor).toBeNull();
        const implemented = await t
          .http()
          .post(`/v1/admin/suggestions/${made.body.id}/status`)
          .set('authorization', ombudsman)
          .send({ status: 'implemented' })
          .expect(200);
        expect(implemented.body).toMatchObject({
          status: 'implemented',
          implementedAt: expect.any(String),
          publicResponse: 'From March, every refund sends an SMS.',
        });
        mine = await t
          .http()
          .get(`/v1/escalations/${filed.reference}/suggestions`)
          .set(bearer(filed.accessToken))
          .expect(200);
        expect(mine.body.items[0].statusText).toMatch(implementedText);
      },
    );

    it('refuses an impossible change of status with 409 and the current status', async () => {
      const filed = await fileCase(t);
      const made = await t
        .http()
        .post(`/v1/escalations/${filed.reference}/suggestions`)
        .set(bearer(filed.accessToken))
        .send({ text: 'Open on Saturdays.' })
        .expect(201);
      const res = await t
        .http()
        .post(`/v1/admin/suggestions/${made.body.id}/status`)
        .set('authorization', staff(t).officer)
        .send({ status: 'implemented', publicResponse: 'Done.' })
        .expect(409);
      expect(res.body).toMatchObject({ currentStatus: 'received' });
    });

    it('refuses to decline a suggestion without telling the customer why (400)', async () => {
      const filed = await fileCase(t);
      const made = await t
        .http()
        .post(`/v1/escalations/${filed.reference}/suggestions`)
        .set(bearer(filed.accessToken))
        .send({ text: 'Free delivery for everyone.' })
        .expect(201);
      const res = await t
        .http()
        .post(`/v1/admin/suggestions/${made.body.id}/status`)
        .set('authorization', staff(t).officer)
        .send({ status: 'declined' })
        .expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'publicResponse' })]);
    });

    it('records the status change in the audit log and the outbox', async () => {
      const filed = await fileCase(t);
      const made = await t
        .http()
        .post(`/v1/escalations/${filed.reference}/suggestions`)
        .set(bearer(filed.accessToken))
        .send({ text: 'Answer the phone faster.' })
        .expect(201);
      await t
        .http()
        .post(`/v1/admin/suggestions/${made.body.id}/status`)
        .set('authorization', staff(t).officer)
        .send({ status: 'declined', publicResponse: 'Already within two minutes on average.' })
        .expect(200);
      const events = await adminQuery<{ type: string }>(
        `SELECT type FROM outbox_event WHERE aggregate_id = $1 ORDER BY position`,
        [made.body.id],
        databaseName(t),
      );
      expect(events.map((e) => e.type)).toEqual([
        'suggestion.received',
        'suggestion.status_changed',
      ]);
      const audit = await adminQuery<{ after: { status: string } }>(
        `SELECT after FROM audit_entry WHERE action = 'suggestion.status_changed' AND after ->> 'suggestionId' = $1`,
        [made.body.id],
        databaseName(t),
      );
      expect(audit.map((a) => a.after.status)).toEqual(['declined']);
    });

    it('answers 404 for an unknown suggestion', async () => {
      await t
        .http()
        .post('/v1/admin/suggestions/00000000-0000-4000-8000-000000000000/status')
        .set('authorization', staff(t).officer)
        .send({ status: 'under_review' })
        .expect(404);
      await t
        .http()
        .post('/v1/admin/suggestions/not-a-uuid/status')
        .set('authorization', staff(t).officer)
        .send({ status: 'under_review' })
        .expect(404);
    });

    it('lists suggestions for staff in keyset pages, newest first', async () => {
      const filed = await fileCase(t);
      for (const text of ['first idea', 'second idea', 'third idea']) {
        await t
          .http()
          .post(`/v1/escalations/${filed.reference}/suggestions`)
          .set(bearer(filed.accessToken))
          .send({ text })
          .expect(201);
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { body: { items: { text: string }[]; nextCursor: string | null } } = await t
          .http()
          .get('/v1/admin/suggestions')
          .query({ limit: 2, ...(cursor ? { cursor } : {}) })
          .set('authorization', staff(t).auditor)
          .expect(200);
        seen.push(...res.body.items.map((i) => i.text));
        cursor = res.body.nextCursor;
      } while (cursor);
      const mine = seen.filter((text) => /idea$/.test(text));
      expect(mine).toEqual(['third idea', 'second idea', 'first idea']);
      expect(new Set(seen).size).toBe(seen.length);
    });

    it('refuses a suggestion without text with 400', async () => {
      const filed = await fileCase(t);
      await t
        .http()
        .post(`/v1/escalations/${filed.reference}/suggestions`)
        .set(bearer(filed.accessToken))
        .send({ text: '' })
        .expect(400);
    });
  });

  describe('who may do what', () => {
    it('forbids an auditor to change a suggestion’s status (403)', async () => {
      await t
        .http()
        .post('/v1/admin/suggestions/00000000-0000-4000-8000-000000000000/status')
        .set('authorization', staff(t).auditor)
        .send({ status: 'under_review' })
        .expect(403);
    });

    it.each([
      '/v1/admin/suggestions',
      '/v1/admin/corrective-actions',
      '/v1/admin/reports/kpis',
      '/v1/admin/reports/annual',
    ])('forbids a front-line agent GET %s (403)', async (path) => {
      await t.http().get(path).set('authorization', staff(t).agent).expect(403);
    });

    it.each([
      ['get', '/v1/admin/suggestions'],
      ['get', '/v1/admin/corrective-actions'],
      ['get', '/v1/admin/reports/kpis'],
      ['post', '/v1/admin/suggestions/00000000-0000-4000-8000-000000000000/status'],
    ] as const)('answers 401 to %s %s without a token', async (method, path) => {
      await t.http()[method](path).expect(401);
    });
  });

  describe('the corrective-action register', () => {
    it('lists accepted suggestions and lets staff set owner, due date and progress', async () => {
      const filed = await fileCase(t);
      const made = await t
        .http()
        .post(`/v1/escalations/${filed.reference}/suggestions`)
        .set(bearer(filed.accessToken))
        .send({ text: 'Print the deposit terms on the receipt.' })
        .expect(201);
      const { officer, auditor } = staff(t);
      await t
        .http()
        .post(`/v1/admin/suggestions/${made.body.id}/status`)
        .set('authorization', officer)
        .send({ status: 'accepted', publicResponse: 'Receipts will carry the terms.' })
        .expect(200);
      const tracked = await t
        .http()
        .post(`/v1/admin/corrective-actions/${made.body.id}`)
        .set('authorization', officer)
        .send({
          owner: 'Head of retail',
          dueAt: '2027-03-31T00:00:00.000Z',
          progress: 'in_progress',
        })
        .expect(200);
      expect(tracked.body).toMatchObject({
        id: made.body.id,
        source: 'suggestion',
        reference: filed.reference,
        owner: 'Head of retail',
        dueAt: '2027-03-31T00:00:00.000Z',
        status: 'in_progress',
      });
      const open = await t
        .http()
        .get('/v1/admin/corrective-actions')
        .query({ status: 'in_progress' })
        .set('authorization', auditor)
        .expect(200);
      expect(open.body.items.map((i: { id: string }) => i.id)).toContain(made.body.id);
      await t
        .http()
        .post(`/v1/admin/suggestions/${made.body.id}/status`)
        .set('authorization', officer)
        .send({ status: 'implemented' })
        .expect(200);
      const done = await t
        .http()
        .get('/v1/admin/corrective-actions')
        .query({ status: 'implemented' })
        .set('authorization', auditor)
        .expect(200);
      expect(done.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            id: made.body.id,
            status: 'implemented',
            owner: 'Head of retail',
          }),
        ]),
      );
    });

    it('answers 404 for something that is not in the register', async () => {
      const filed = await fileCase(t);
      const made = await t
        .http()
        .post(`/v1/escalations/${filed.reference}/suggestions`)
        .set(bearer(filed.accessToken))
        .send({ text: 'Not yet accepted.' })
        .expect(201);
      await t
        .http()
        .post(`/v1/admin/corrective-actions/${made.body.id}`)
        .set('authorization', staff(t).officer)
        .send({ owner: 'Nobody' })
        .expect(404);
    });

    it('forbids an auditor to change the register (403)', async () => {
      await t
        .http()
        .post('/v1/admin/corrective-actions/00000000-0000-4000-8000-000000000000')
        .set('authorization', staff(t).auditor)
        .send({ owner: 'Nobody' })
        .expect(403);
    });
  });
});
