import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserContext, Page } from 'playwright-core';
import { investigatedCase, staff } from './support/cases';
import { APOLOGY, REFUND, routes } from './support/resolution';
import { createComplaint, fileCase } from './support/filing';
import { freePort } from './support/free-port';
import { CHROMIUM, launchChromium } from './support/browser';
import { startTestApp, TestApp } from './support/test-app';

const ARTIFACTS = join(__dirname, 'artifacts');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const LANGS = ['en', 'ru', 'zh'] as const;

/** The customer pages in headless Chromium; skipped, with one loud line, when none is installed. */
(CHROMIUM ? describe : describe.skip)('customer pages in a browser', () => {
  let t: TestApp;
  let browser: BrowserContext;
  let base: string;
  let as: ReturnType<typeof staff>;
  const policyViolations: string[] = [];

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await startTestApp({ env: { PUBLIC_BASE_URL: base } });
    await t.app.listen({ port, host: '127.0.0.1' });
    as = staff(t);
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function newPage(): Promise<Page> {
    await browser.clearCookies();
    const page = await browser.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text()))
        policyViolations.push(message.text());
    });
    return page;
  }

  async function fillFiling(page: Page, complaintReference?: string): Promise<string> {
    await page.goto(`${base}/file?lang=en`);
    await page.getByLabel('Your name').fill('Anna Petrova');
    await page.getByLabel('Your e-mail address').fill('anna@example.org');
    if (complaintReference)
      await page.getByLabel('The reference of your complaint').fill(complaintReference);
    await page.getByLabel('In a few words').fill('Refund refused');
    await page
      .getByLabel('What happened?')
      .fill('I returned the goods; the deposit never came back.');
    await page.getByLabel('Amount in dispute').fill('125.50');
    await page.getByLabel('Currency').selectOption('EUR');
    await page.getByRole('button', { name: 'File my dispute' }).click();
    await page.getByRole('heading', { name: 'Your dispute is filed' }).waitFor();
    return (await page.locator('#case-link').getAttribute('href'))!;
  }

  async function axe(page: Page, name: string): Promise<void> {
    await page.evaluate(AXE);
    const found = await page.evaluate(async () => {
      const run = (globalThis as unknown as { axe: { run: (o: object) => Promise<unknown> } }).axe
        .run;
      const result = (await run({
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      })) as { violations: { id: string; nodes: { target: string[] }[] }[] };
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
    });
    expect({ page: name, violations: found }).toEqual({ page: name, violations: [] });
  }

  async function shoot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  }

  it('files a case through the form, opens the link, writes, accepts a proposal and sees it settle', async () => {
    const complaint = await createComplaint(t, { answeredDaysAgo: 10 });
    const page = await newPage();
    const link = await fillFiling(page, complaint);
    const [reference, token] = /\/cases\/([^#]+)#access-token=(.+)$/.exec(link)!.slice(1);

    await browser.clearCookies();
    await page.goto(link);
    await page.getByRole('heading', { name: `Your case ${reference}` }).waitFor();
    expect(page.url()).toBe(`${base}/cases/${reference}`);
    const session = (await browser.cookies()).find((c) => c.name === 'omb-session')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(session.value).not.toBe(token);

    await page.getByLabel('Your message').fill('The receipt number is 4471-22.');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Your message has been sent.').waitFor();
    await page.getByText('The receipt number is 4471-22.').waitFor();

    const admin = (path: string, body: object) =>
      t
        .http()
        .post(`/v1/admin/cases/${reference}${path}`)
        .set('authorization', as.officer)
        .send(body);
    await admin('/triage', { decision: 'accept', reason: 'Within time.' }).expect(200);
    await admin('/assign', { officerId: 'olga' }).expect(200);
    const made = await admin('/proposals', {
      terms: 'The company refunds the deposit in full.',
      remedies: [
        {
          type: 'refund',
          amount: { amountMinor: 12550, currency: 'EUR' },
          description: 'Refund of the deposit',
        },
      ],
    }).expect(201);

    await page.reload();
    await page.getByText('The company refunds the deposit in full.').waitFor();
    await page.getByRole('button', { name: 'Accept…' }).click();
    await page.getByText('this is the agreement').waitFor();
    await shoot(page, 'confirm-en');
    await axe(page, 'confirm en');
    await page.getByRole('button', { name: 'Yes, I accept' }).click();
    await page.getByText('Your answer has been recorded.').waitFor();

    await t
      .http()
      .post(`/v1/frontline/cases/${reference}/proposals/${(made.body as { id: string }).id}/accept`)
      .set('authorization', as.agent)
      .send({})
      .expect(200);
    const view = await t
      .http()
      .get(`/v1/escalations/${reference}`)
      .set('authorization', `Bearer ${token}`)
      .expect(200);
    // Settled, and at once owed: the case follows the refund (`fulfilment`) until it is paid.
    expect(view.body.status).toBe('fulfilment');
    const events = (view.body.timeline as { type: string }[]).map((e) => e.type);
    expect(events).toContain('proposal.answered');
    await page.reload();
    await page
      .getByText(view.body.statusText as string)
      .first()
      .waitFor();
    await shoot(page, 'case-settled-en');
    await page.close();
  });

  /** A case with an issued decision, opened in the browser through its link. */
  async function decidedCase(finding: 'upheld' | 'not_upheld' = 'upheld') {
    const filed = await investigatedCase(t);
    await routes(t)
      .admin('post', filed.reference, '/decision', as.ombudsman, {
        finding,
        reasoning: 'The contract allows no deduction from the deposit.',
        remedies: finding === 'upheld' ? [REFUND, APOLOGY] : [],
      })
      .expect(201);
    const page = await newPage();
    await page.goto(`${base}/cases/${filed.reference}?lang=en#access-token=${filed.accessToken}`);
    const decision = page.getByRole('region', { name: 'The ombudsman’s decision' });
    await decision.getByRole('button', { name: 'Accept…' }).waitFor();
    const view = async () =>
      (await routes(t).view(filed.reference, filed.accessToken).expect(200)).body as {
        status: string;
        outcome: string | null;
        decision: { answer: { answer: string } | null };
      };
    return { filed, page, decision, view };
  }

  it('says what accepting the decision means before it binds the company, and accepting there settles it', async () => {
    const { page, decision, view } = await decidedCase();
    await decision.getByRole('button', { name: 'Accept…' }).click();
    const consequence = page.locator('#consequence');
    await consequence.getByText('the decision becomes binding on the company').waitFor();
    expect(
      await page.getByRole('button', { name: 'Yes, I accept' }).getAttribute('aria-describedby'),
    ).toBe('consequence');
    await shoot(page, 'confirm-decision-en');
    await axe(page, 'confirm decision en');
    // Going back answers nothing.
    await page.getByRole('link', { name: 'No, go back' }).click();
    await decision.getByRole('button', { name: 'Accept…' }).waitFor();
    expect((await view()).decision.answer).toBeNull();

    await decision.getByRole('button', { name: 'Accept…' }).click();
    await page.getByRole('button', { name: 'Yes, I accept' }).click();
    await page.getByText('Your answer has been recorded.').waitFor();
    await decision.getByText('Your answer: accepted').waitFor();
    expect(await decision.getByRole('button', { name: 'Accept…' }).count()).toBe(0);
    const accepted = await view();
    expect(accepted.decision.answer?.answer).toBe('accepted');
    // Bound: the case follows the remedies to their payment.
    expect(accepted.status).toBe('fulfilment');
    await page.close();
  });

  it('says that rejecting the decision closes the case and keeps the courts, and rejecting there closes it', async () => {
    const { filed, page, decision, view } = await decidedCase();
    await decision.getByLabel('Your reason (optional)').fill('The apology is not enough.');
    await decision.getByRole('button', { name: 'Reject…' }).click();
    await page.locator('#consequence').getByText('you keep your right to go to court').waitFor();
    await shoot(page, 'confirm-reject-decision-en');
    await axe(page, 'confirm reject decision en');
    expect((await view()).decision.answer).toBeNull();
    await page.getByRole('button', { name: 'Yes, I reject it' }).click();
    await page.getByText('Your answer has been recorded.').waitFor();
    await decision.getByText('Your answer: rejected').waitFor();
    expect(await view()).toMatchObject({ status: 'closed', outcome: 'not_accepted' });
    const answers = await t.dataSource.query(
      `SELECT a.answer, a.reason FROM decision_answer a JOIN case_decision d ON d.id = a.decision_id
         JOIN ombudsman_case c ON c.id = d.case_id WHERE c.reference = $1`,
      [filed.reference],
    );
    expect(answers).toEqual([{ answer: 'rejected', reason: 'The apology is not enough.' }]);
    await page.close();
  });

  it('says accepting a decision that upheld nothing only closes the case', async () => {
    const { page, decision, view } = await decidedCase('not_upheld');
    await decision.getByRole('button', { name: 'Accept…' }).click();
    await page.locator('#consequence').getByText('your case closes with this decision').waitFor();
    expect(await page.content()).not.toContain('binding on the company');
    await page.getByRole('button', { name: 'Yes, I accept' }).click();
    await page.getByText('Your answer has been recorded.').waitFor();
    expect(await view()).toMatchObject({ status: 'closed', outcome: 'not_upheld' });
    await page.close();
  });

  it('rejects a proposal at once, since rejecting commits the customer to nothing', async () => {
    const filed = await investigatedCase(t);
    await routes(t)
      .admin('post', filed.reference, '/proposals', as.officer, {
        terms: 'A voucher of 20 EUR.',
        remedies: [APOLOGY],
      })
      .expect(201);
    const page = await newPage();
    await page.goto(`${base}/cases/${filed.reference}?lang=en#access-token=${filed.accessToken}`);
    const proposals = page.getByRole('region', { name: 'Proposals to settle' });
    await proposals.getByText('A voucher of 20 EUR.').waitFor();
    await proposals.getByLabel('Your reason (optional)').fill('I want my deposit back.');
    await proposals.getByRole('button', { name: 'Reject', exact: true }).click();
    await page.getByText('Your answer has been recorded.').waitFor();
    await proposals.getByText('Your answer: rejected').waitFor();
    const view = await routes(t).view(filed.reference, filed.accessToken).expect(200);
    const [proposal] = view.body.proposals as { answers: { customer: { answer: string } } }[];
    expect(proposal.answers.customer.answer).toBe('rejected');
    expect(view.body.status).toBe('mediation');
    await page.close();
  });

  it('answers a question, hands in a document and gets it back, withdraws, then rates the service', async () => {
    const filed = await investigatedCase(t);
    await t
      .http()
      .post(`/v1/admin/cases/${filed.reference}/information-requests`)
      .set('authorization', as.officer)
      .send({ party: 'customer', question: 'Please send the receipt of the return.' })
      .expect(201);
    const page = await newPage();
    await page.goto(`${base}/cases/${filed.reference}?lang=en#access-token=${filed.accessToken}`);
    const questions = page.getByRole('region', { name: 'Questions for you' });
    await questions.getByText('Please send the receipt of the return.').waitFor();
    for (const lang of LANGS) {
      await page.goto(`${base}/cases/${filed.reference}?lang=${lang}`);
      await shoot(page, `case-question-${lang}`);
      await axe(page, `case with a question ${lang}`);
    }
    await page.goto(`${base}/cases/${filed.reference}?lang=en`);
    await page.getByRole('link', { name: 'Write your answer' }).click();
    expect(await page.evaluate<string>("document.activeElement?.id ?? ''")).toBe('f-body');
    await page.keyboard.type('The receipt is attached below.');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Your message has been sent.').waitFor();
    expect(await questions.count()).toBe(0);

    const receipt = 'Receipt 4471-22: deposit 125.50 EUR\n';
    await page.getByLabel('What it is (optional)').fill('Receipt of the return');
    await page
      .getByLabel('File')
      .setInputFiles({ name: 'receipt.txt', mimeType: 'text/plain', buffer: Buffer.from(receipt) });
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByText('Your document has been added.').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download receipt.txt' }).click(),
    ]);
    expect(readFileSync((await download.path())!, 'utf8')).toBe(receipt);

    await page.getByRole('button', { name: 'Withdraw…' }).click();
    await page.getByText('If you withdraw, your case is closed').waitFor();
    for (const lang of LANGS) {
      await page.goto(`${base}/cases/${filed.reference}?lang=${lang}`);
      await page.locator('form[action$="/withdraw"] button').click();
      await page.locator('#consequence').waitFor();
      await shoot(page, `confirm-withdraw-${lang}`);
      await axe(page, `confirm withdraw ${lang}`);
    }
    await page.goto(`${base}/cases/${filed.reference}?lang=en`);
    await page.getByRole('button', { name: 'Withdraw…' }).click();
    await page.getByRole('button', { name: 'Yes, withdraw' }).click();
    await page.getByText('Your dispute has been withdrawn.').waitFor();
    expect(await page.getByRole('button', { name: 'Send', exact: true }).count()).toBe(0);

    await page.getByRole('button', { name: 'Send my rating' }).click();
    await page.getByText('Choose a rating from 1 to 5.').waitFor();
    expect(await page.locator('fieldset').getAttribute('aria-describedby')).toBe('f-rating-error');
    for (const lang of LANGS) {
      await page.goto(`${base}/cases/${filed.reference}?lang=${lang}`);
      await shoot(page, `case-closed-${lang}`);
      await axe(page, `closed case ${lang}`);
    }
    await page.goto(`${base}/cases/${filed.reference}?lang=en`);
    await page.getByLabel('5 – very good').check();
    await page.getByLabel('Anything you want to tell us (optional)').fill('Quick and clear.');
    await page.getByRole('button', { name: 'Send my rating' }).click();
    await page.getByText('Thank you for your rating.').waitFor();
    const rated = await t
      .http()
      .get(`/v1/escalations/${filed.reference}`)
      .set('authorization', `Bearer ${filed.accessToken}`)
      .expect(200);
    expect(rated.body.status).toBe('closed');
    expect(rated.body.outcome).toBe('withdrawn');
    await page.close();
  });

  it('opens nothing with the link of another case', async () => {
    const mine = await fileCase(t);
    const theirs = await fileCase(t);
    const page = await newPage();
    await page.goto(`${base}/cases/${theirs.reference}#access-token=${mine.accessToken}`);
    await page.getByText('We could not find this page or this case.').waitFor();
    expect(page.url()).toBe(`${base}/cases/${theirs.reference}/open`);
    // A session of one case shows another case's page as a closed door.
    await page.goto(`${base}/cases/${mine.reference}#access-token=${mine.accessToken}`);
    await page.getByRole('heading', { name: `Your case ${mine.reference}` }).waitFor();
    await page.goto(`${base}/cases/${theirs.reference}`);
    await page.getByRole('heading', { name: `Open your case ${theirs.reference}` }).waitFor();
    expect(await page.content()).not.toContain('Refund refused');
    await page.close();
  });

  it('refuses a post without the form’s CSRF token, even with the session cookie', async () => {
    const filed = await fileCase(t);
    const page = await newPage();
    await page.goto(`${base}/cases/${filed.reference}#access-token=${filed.accessToken}`);
    await page.getByRole('heading', { name: `Your case ${filed.reference}` }).waitFor();
    const forged = await page.request.post(`${base}/cases/${filed.reference}/messages`, {
      form: { body: 'forged' },
    });
    expect(forged.status()).toBe(403);
    const signedOut = await page.request.post(`${base}/cases/${filed.reference}/sign-out`, {
      form: { _csrf: 'x' },
    });
    expect(signedOut.status()).toBe(403);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'An independent office' }).waitFor();
    await page.goto(`${base}/cases/${filed.reference}`);
    await page.getByRole('heading', { name: `Open your case ${filed.reference}` }).waitFor();
    await page.close();
  });

  it('files with the keyboard alone', async () => {
    const page = await newPage();
    await page.goto(`${base}/file?lang=en`);
    const focused = () => page.evaluate<string>("document.activeElement?.id ?? ''");
    const tabTo = async (id: string) => {
      for (let i = 0; i < 30 && (await focused()) !== id; i++) await page.keyboard.press('Tab');
      expect(await focused()).toBe(id);
    };
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement?.textContent')).toBe(
      'Skip to the content',
    );
    await tabTo('f-name');
    await page.keyboard.type('Keyboard User');
    await page.keyboard.press('Tab');
    await page.keyboard.type('keys@example.org');
    await tabTo('f-subject');
    await page.keyboard.type('Late delivery');
    await page.keyboard.press('Tab');
    await page.keyboard.type('The parcel never arrived.');
    await tabTo('f-currency');
    await page.keyboard.press('Tab');
    // The documents are optional, one stop on the way.
    expect(await focused()).toBe('f-documents');
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement?.textContent')).toBe(
      'File my dispute',
    );
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Your dispute is filed' }).waitFor();
    await page.close();
  });

  it('files with documents, lists them on the case page and gives them back; a file of a kind not accepted is refused by name', async () => {
    const receipt = 'Receipt 4471-22: deposit 125.50 EUR\n';
    const page = await newPage();
    await page.goto(`${base}/file?lang=en`);
    await page.getByLabel('Your name').fill('Anna Petrova');
    await page.getByLabel('Your e-mail address').fill('anna@example.org');
    await page.getByLabel('In a few words').fill('Deposit kept');
    await page.getByLabel('What happened?').fill('The deposit was never refunded.');
    await page.getByLabel('Documents that show what happened').setInputFiles([
      { name: 'receipt.txt', mimeType: 'text/plain', buffer: Buffer.from(receipt) },
      {
        name: 'setup.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90)]),
      },
    ]);
    await page.getByRole('button', { name: 'File my dispute' }).click();
    await page.getByRole('heading', { name: 'Your dispute is filed' }).waitFor();
    const listed = page.getByRole('region', { name: 'Your documents' });
    await listed.getByText('receipt.txt: added to your case.').waitFor();
    await listed.getByText('setup.pdf: not added. This kind of file is not accepted').waitFor();
    await shoot(page, 'filed-documents-en');
    await axe(page, 'filed with documents en');

    const link = (await page.locator('#case-link').getAttribute('href'))!;
    await page.goto(link);
    const documents = page.getByRole('region', { name: 'Documents' });
    await documents.getByRole('button', { name: 'Download receipt.txt' }).waitFor();
    expect(await documents.getByText('setup.pdf').count()).toBe(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      documents.getByRole('button', { name: 'Download receipt.txt' }).click(),
    ]);
    expect(readFileSync((await download.path())!, 'utf8')).toBe(receipt);
    await page.close();
  });

  it('keeps the form and asks for the documents again when a field is wrong, filing nothing', async () => {
    const page = await newPage();
    await page.goto(`${base}/file?lang=en`);
    await page.getByLabel('Your name').fill('Anna Petrova');
    await page.getByLabel('Your e-mail address').fill('not an address');
    await page.getByLabel('In a few words').fill('Deposit kept');
    await page.getByLabel('What happened?').fill('The deposit was never refunded.');
    await page
      .getByLabel('Documents that show what happened')
      .setInputFiles({ name: 'receipt.txt', mimeType: 'text/plain', buffer: Buffer.from('x\n') });
    await page.getByRole('button', { name: 'File my dispute' }).click();
    await page.locator('#f-email-error').waitFor();
    expect(await page.locator('#f-documents-error').textContent()).toBe(
      'Your documents were not sent because of the errors above. Choose them again.',
    );
    expect(await page.locator('#f-documents').getAttribute('aria-describedby')).toBe(
      'f-documents-hint f-documents-error',
    );
    expect(await page.getByLabel('In a few words').inputValue()).toBe('Deposit kept');
    await axe(page, 'filing refused with documents en');
    await page.close();
  });

  it('shows wrong and missing fields by the field, and has no accessibility violation on any page in any language', async () => {
    const filed = await fileCase(t);
    const page = await newPage();
    for (const lang of LANGS) {
      for (const [name, path] of [
        ['home', '/'],
        ['file', '/file'],
        ['access', '/access'],
        ['open', `/cases/${filed.reference}`],
      ]) {
        await page.goto(`${base}${path}?lang=${lang}`);
        await shoot(page, `${name}-${lang}`);
        await axe(page, `${name} ${lang}`);
      }
      await page.goto(`${base}/file?lang=${lang}`);
      await page.locator('#f-email').fill('not-an-address');
      await page.locator('button[type=submit]').click();
      await page.locator('#error-summary').waitFor();
      expect(await page.locator('#f-name').getAttribute('aria-describedby')).toBe('f-name-error');
      expect(await page.locator('#f-email').getAttribute('aria-invalid')).toBe('true');
      await shoot(page, `file-errors-${lang}`);
      await axe(page, `file errors ${lang}`);
      await page.locator('#f-name').fill('Анна 李');
      await page.locator('#f-email').fill('anna@example.org');
      await page.locator('#f-subject').fill('Refund refused');
      await page.locator('#f-description').fill('The deposit never came back.');
      await page.locator('button[type=submit]').click();
      await page.locator('#case-link').waitFor();
      await shoot(page, `filed-${lang}`);
      await axe(page, `filed ${lang}`);
    }
    await page.goto(`${base}/cases/${filed.reference}?lang=en#access-token=${filed.accessToken}`);
    await page.getByRole('heading', { name: `Your case ${filed.reference}` }).waitFor();
    const statusTexts = new Set<string>();
    for (const lang of LANGS) {
      await page.goto(`${base}/cases/${filed.reference}?lang=${lang}`);
      // The case's own texts follow the language switch, not only the words around them.
      statusTexts.add((await page.locator('#s-status + p').textContent()) ?? '');
      await shoot(page, `case-${lang}`);
      await axe(page, `case ${lang}`);
      await page.emulateMedia({ media: 'print' });
      await shoot(page, `case-print-${lang}`);
      await page.emulateMedia({ media: 'screen' });
    }
    expect(statusTexts.size).toBe(LANGS.length);
    await page.close();
    expect(policyViolations).toEqual([]);
  });
});
