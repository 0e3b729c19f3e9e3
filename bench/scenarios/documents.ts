import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { BenchContext, TimedScenario } from './types';

const FILE_BYTES = 10 * 1024 * 1024;
const CONCURRENT = 10;
const DOWNLOADS = 5;
const TARGETS = { rssGrowthMb: 64, uploadRatio: 0.7, ttfbMs: 50, downloadRatio: 0.7 };

interface Answer {
  readonly status: number;
  readonly body: Buffer;
  readonly firstByteMs: number;
  readonly totalMs: number;
}

/** One HTTP exchange, timed: time to the first byte of the body, and to its end. */
function exchange(url: string, method: string, headers: Record<string, string>, body?: Buffer) {
  return new Promise<Answer>((resolve, reject) => {
    const started = performance.now();
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      let firstByteMs = -1;
      res.on('data', (chunk: Buffer) => {
        if (firstByteMs < 0) firstByteMs = performance.now() - started;
        chunks.push(chunk);
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks),
          firstByteMs,
          totalMs: performance.now() - started,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

function multipart(file: Buffer): { body: Buffer; type: string } {
  const boundary = `bench${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="evidence.pdf"\r\n` +
      `Content-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    body: Buffer.concat([head, file, tail]),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mbPerSecond = (bytes: number, ms: number) => bytes / 1024 / 1024 / (ms / 1000);

async function fileCase(ctx: BenchContext): Promise<{ reference: string; id: string }> {
  const filing = Buffer.from(
    JSON.stringify({
      customer: { name: 'Bench Documents', email: 'bench.documents@example.org' },
      subject: 'Documents bench',
      description: 'A case that collects the documents of the bench.',
    }),
  );
  const res = await exchange(
    `${ctx.serviceUrl}/v1/escalations`,
    'POST',
    { 'content-type': 'application/json' },
    filing,
  );
  if (res.status !== 201) throw new Error(`filing answered ${res.status}`);
  const { reference } = JSON.parse(res.body.toString()) as { reference: string };
  const { Client } = await import('pg');
  const client = new Client({ connectionString: ctx.databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ id: string }>(
    'SELECT id FROM ombudsman_case WHERE reference = $1',
    [reference],
  );
  await client.end();
  return { reference, id: rows[0].id };
}

/** Runs `count` uploads at once; answers the wall time and the ids. */
async function uploadAll(
  url: string,
  headers: Record<string, string>,
  body: Buffer,
  count: number,
) {
  const started = performance.now();
  const answers = await Promise.all(
    Array.from({ length: count }, () => exchange(url, 'POST', headers, body)),
  );
  const failed = answers.find((a) => a.status !== 201);
  if (failed)
    throw new Error(`an upload answered ${failed.status}: ${failed.body.toString().slice(0, 300)}`);
  const ids = answers.map((a) => (JSON.parse(a.body.toString()) as { id: string }).id);
  return { ms: performance.now() - started, ids };
}

async function downloads(url: string, headers: Record<string, string>) {
  const runs: Answer[] = [];
  for (let i = 0; i < DOWNLOADS; i += 1) {
    const answer = await exchange(url, 'GET', headers);
    if (answer.status !== 200 || answer.body.length !== FILE_BYTES)
      throw new Error(`a download answered ${answer.status} with ${answer.body.length} bytes`);
    runs.push(answer);
  }
  return {
    ttfbMs: median(runs.map((r) => r.firstByteMs)),
    totalMs: median(runs.map((r) => r.totalMs)),
  };
}

/**
 * Ten 10 MB uploads at once through the whole service (form parsing, type detection, hashing,
 * encryption, audit) against the baseline streaming the same bytes into the same table by hand;
 * the service's RSS is sampled throughout. Then downloads of one 10 MB file: time to first byte
 * and rate, against the baseline reading the same rows by hand.
 */
export const documents: TimedScenario = {
  name: 'documents',
  timed: true,
  async run(ctx) {
    const file = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(FILE_BYTES - 9)]);
    const form = multipart(file);
    const { reference, id: caseId } = await fileCase(ctx);
    const token = ctx.token({ sub: 'bench', roles: ['ombudsman_officer'] });
    const staffPath = `${ctx.serviceUrl}/v1/admin/cases/${reference}/documents`;
    const headers = { authorization: `Bearer ${token}`, 'content-type': form.type };
    await uploadAll(staffPath, headers, form.body, 1);
    await uploadAll(
      `${ctx.baselineUrl}/documents/${caseId}`,
      { 'content-type': 'application/pdf' },
      file,
      1,
    );

    const idleMb = rssMb(ctx.servicePid);
    let peakMb = idleMb;
    const sampler = setInterval(() => (peakMb = Math.max(peakMb, rssMb(ctx.servicePid))), 20);
    const service = await uploadAll(staffPath, headers, form.body, CONCURRENT);
    clearInterval(sampler);
    peakMb = Math.max(peakMb, rssMb(ctx.servicePid));
    const baseline = await uploadAll(
      `${ctx.baselineUrl}/documents/${caseId}`,
      { 'content-type': 'application/pdf' },
      file,
      CONCURRENT,
    );

    const down = await downloads(`${staffPath}/${service.ids[0]}/content`, {
      authorization: `Bearer ${token}`,
    });
    const baseDown = await downloads(`${ctx.baselineUrl}/documents/${baseline.ids[0]}/content`, {});

    const total = FILE_BYTES * CONCURRENT;
    const upload = mbPerSecond(total, service.ms);
    const baseUpload = mbPerSecond(total, baseline.ms);
    const rate = mbPerSecond(FILE_BYTES, down.totalMs);
    const baseRate = mbPerSecond(FILE_BYTES, baseDown.totalMs);
    const growth = peakMb - idleMb;
    const verdict = (met: boolean) => (met ? 'met' : 'missed');
    return [
      `scenario=documents uploads=${CONCURRENT}x${FILE_BYTES / 1024 / 1024}MB ` +
        `upload_mb_s=${upload.toFixed(1)} baseline_upload_mb_s=${baseUpload.toFixed(1)} ` +
        `upload_ratio=${(upload / baseUpload).toFixed(2)} rss_idle_mb=${idleMb.toFixed(0)} ` +
        `rss_peak_mb=${peakMb.toFixed(0)} rss_growth_mb=${growth.toFixed(0)} ` +
        `download_ttfb_ms=${down.ttfbMs.toFixed(1)} download_mb_s=${rate.toFixed(1)} ` +
        `baseline_download_ttfb_ms=${baseDown.ttfbMs.toFixed(1)} baseline_download_mb_s=${baseRate.toFixed(1)} ` +
        `download_ratio=${(rate / baseRate).toFixed(2)} ` +
        `targets=rss_growth<=${TARGETS.rssGrowthMb}MB:${verdict(growth <= TARGETS.rssGrowthMb)},` +
        `upload_ratio>=${TARGETS.uploadRatio}:${verdict(upload / baseUpload >= TARGETS.uploadRatio)},` +
        `ttfb<=${TARGETS.ttfbMs}ms:${verdict(down.ttfbMs <= TARGETS.ttfbMs)},` +
        `download_ratio>=${TARGETS.downloadRatio}:${verdict(rate / baseRate >= TARGETS.downloadRatio)}`,
    ];
  },
};
