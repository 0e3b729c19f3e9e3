import autocannon from 'autocannon';
import { BenchContext, Scenario } from './types';

/** The customer pages, each its own line: the start page, the filing form, the lost-link form, a case. */
const PAGES = ['home', 'file', 'access', 'case'];
let reference = '';
let cookie = '';

/** Cookies of a reply, as the Cookie header a browser would send back. */
function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
}

/**
 * A case filed through the API, then opened as a browser opens its access link: the page, its
 * CSRF token, and the post that trades the token for the session cookie.
 */
async function openCase(url: string): Promise<void> {
  const filed = await fetch(`${url}/v1/escalations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      customer: { name: 'Anna Petrova', email: 'anna@example.org' },
      subject: 'Refund refused',
      description: 'I returned the goods and the deposit was never refunded.',
      preferredLanguage: 'en',
    }),
  });
  const receipt = (await filed.json()) as { reference: string; accessToken: string };
  reference = receipt.reference;
  const page = await fetch(`${url}/cases/${reference}`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const opened = await fetch(`${url}/cases/${reference}/open`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookiesOf(page) },
    body: new URLSearchParams({ _csrf: csrf, token: receipt.accessToken }).toString(),
  });
  if (opened.status !== 303) throw new Error(`opening the case answered ${opened.status}`);
  cookie = [cookiesOf(page), cookiesOf(opened)].join('; ');
}

function pages(): autocannon.Request[] {
  return [
    { method: 'GET', path: '/?lang=en' },
    { method: 'GET', path: '/file?lang=ru' },
    { method: 'GET', path: '/access?lang=zh' },
    { method: 'GET', path: `/cases/${reference}`, headers: { cookie } },
  ];
}

/**
 * `npm run bench -- portal`: each page at 10 connections, the case page with a live session
 * (its session lookup, the customer view and the template). The baseline answers the same
 * paths with a fixed page and the case's row.
 */
export const portal: Scenario = {
  name: 'portal',
  connections: 10,
  targets: { p95Ms: 20 },
  async setup(ctx: BenchContext) {
    await openCase(ctx.serviceUrl);
  },
  service: () => ({ path: '/', requests: pages(), labels: PAGES }),
  baseline: () => ({ path: '/', requests: pages(), labels: PAGES }),
};
