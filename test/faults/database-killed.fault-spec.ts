import { call, filing, Instance, staffToken, startInstance } from './support/instances';
import { percentile, reportFigures, setting, sleep } from './support/figures';
import { FaultPostgres, startFaultPostgres } from './support/postgres';

const LOAD_MS = setting('FAULT_DB_LOAD_SECONDS', 60) * 1000;
const OUTAGE_MS = setting('FAULT_DB_OUTAGE_SECONDS', 5) * 1000;
const POOL_TIMEOUT_MS = 2000;
const CONCURRENCY = 6;

jest.setTimeout(LOAD_MS + OUTAGE_MS + 240_000);

interface Outcome {
  readonly kind: 'filing' | 'note';
  readonly startedAt: number;
  readonly endedAt: number;
  readonly status: number;
  readonly problem: boolean;
  readonly retryAfter: string | null;
  readonly reference?: string;
  readonly note?: string;
}

describe('fault: the database is killed mid-load', () => {
  let pg: FaultPostgres;
  let service: Instance;

  beforeAll(async () => {
    pg = await startFaultPostgres();
    service = await startInstance({
      DATABASE_URL: pg.url,
      RATE_LIMIT_PER_MINUTE: '1000000',
      DATABASE_POOL_TIMEOUT_MS: String(POOL_TIMEOUT_MS),
    });
  });

  afterAll(async () => {
    service?.saveOutput('db-killed');
    await service?.terminate();
    await pg?.stop();
  });

  it('keeps every answered write, answers 503 with Retry-After while it is down, and recovers by itself', async () => {
    const officer = staffToken('ombudsman_officer', 'olga');
    const outcomes: Outcome[] = [];
    const filed: string[] = [];
    const readyDuring: number[] = [];
    const readyAfter: number[] = [];
    const pid = service.service.child.pid;
    const start = Date.now();
    const killAt = start + Math.min(LOAD_MS / 3, 20_000);
    let killedAt = Number.POSITIVE_INFINITY;
    let restartingAt = Number.POSITIVE_INFINITY;
    let restartedAt = Number.POSITIVE_INFINITY;
    let recoveredAt = Number.POSITIVE_INFINITY;
    let notes = 0;

    const worker = async (w: number) => {
      for (let i = 0; Date.now() - start < LOAD_MS; i += 1) {
        const startedAt = Date.now();
        const target = filed.length > 0 && i % 2 === 1 ? filed[(w * 7 + i) % filed.length] : null;
        if (target) {
          notes += 1;
          const note = `fault-note ${w}-${i}-${notes}`;
          const res = await call(service.base, 'POST', `/v1/admin/cases/${target}/notes`, {
            token: officer,
            body: { body: note },
          });
          outcomes.push(record('note', startedAt, res, { reference: target, note }));
        } else {
          const res = await call(service.base, 'POST', '/v1/escalations', {
            body: filing('db-killed'),
          });
          const reference = (res.body as { reference?: string } | undefined)?.reference;
          if (res.status === 201 && reference) filed.push(reference);
          outcomes.push(record('filing', startedAt, res, { reference }));
        }
        if (Date.now() >= killedAt && Date.now() < restartedAt) await sleep(50);
      }
    };

    const fault = (async () => {
      await sleep(killAt - Date.now());
      await pg.killPostmaster();
      killedAt = Date.now();
      while (Date.now() - killedAt < OUTAGE_MS) {
        readyDuring.push((await call(service.base, 'GET', '/health/ready')).status);
        await sleep(250);
      }
      // The new server accepts connections a moment before restart() returns: the outage ends
      // when the restart begins, so a write served by the new server is not counted as one.
      restartingAt = Date.now();
      await pg.restart();
      restartedAt = Date.now();
      for (;;) {
        const status = (await call(service.base, 'GET', '/health/ready')).status;
        readyAfter.push(status);
        if (status === 200) recoveredAt = Date.now();
        if (status === 200 || Date.now() - restartedAt > 60_000) break;
        await sleep(250);
      }
    })();

    await Promise.all([...Array.from({ length: CONCURRENCY }, (_, w) => worker(w)), fault]);

    // Present afterwards: every filing and every note that was answered 2xx.
    const okFilings = outcomes.filter((o) => o.kind === 'filing' && o.status === 201);
    const okNotes = outcomes.filter((o) => o.kind === 'note' && o.status === 201);
    const cases = await pg.query<{ reference: string; subject: string }>(
      `SELECT reference, subject FROM ombudsman_case WHERE subject LIKE 'db-killed %'`,
    );
    const stored = new Set(cases.map((c) => c.reference));
    const noteRows = await pg.query<{ body: string }>(
      `SELECT body FROM case_timeline_entry WHERE body LIKE 'fault-note %'`,
    );
    const storedNotes = new Set(noteRows.map((n) => n.body));
    const lost =
      okFilings.filter((o) => !stored.has(o.reference!)).length +
      okNotes.filter((o) => !storedNotes.has(o.note!)).length;
    const duplicated =
      cases.length -
      new Set(cases.map((c) => c.subject)).size +
      (noteRows.length - storedNotes.size);

    // During the outage (asked after the kill, answered before the restart began): 503 problems.
    const during = outcomes.filter((o) => o.startedAt >= killedAt && o.endedAt <= restartingAt);
    const during503 = during.filter((o) => o.status === 503 && o.problem && o.retryAfter !== null);
    const outageOutliers = during
      .filter((o) => !during503.includes(o))
      .map((o) => `${o.kind}:${o.status}:${o.retryAfter ?? '-'}@${o.startedAt - killedAt}ms`);
    const unexpected = outcomes.filter(
      (o) => !(o.status === 201 || (o.status === 503 && o.problem)),
    );
    const errors500 = outcomes.filter((o) => o.status >= 500 && o.status !== 503).length;
    const maxMs = Math.max(...outcomes.map((o) => o.endedAt - o.startedAt));
    const p95 = percentile(
      outcomes.map((o) => o.endedAt - o.startedAt),
      95,
    );
    const verify = await call(service.base, 'GET', '/v1/admin/audit/verify', {
      token: staffToken('auditor', 'audrey'),
    });
    const auditValid = (verify.body as { valid?: boolean } | undefined)?.valid === true;
    const sameProcess =
      service.service.child.pid === pid && service.service.child.exitCode === null;

    reportFigures('db-killed', {
      load_s: LOAD_MS / 1000,
      outage_s: OUTAGE_MS / 1000,
      requests: outcomes.length,
      writes_ok: okFilings.length + okNotes.length,
      lost,
      duplicated,
      outage_requests: during.length,
      outage_503: during503.length,
      outage_outliers: outageOutliers.join(',') || 'none',
      unexpected: unexpected.length,
      errors_500: errors500,
      max_ms: maxMs,
      p95_ms: p95,
      ready_during: [...new Set(readyDuring)].join('/'),
      ready_after: readyAfter[readyAfter.length - 1],
      restart_ms: restartedAt === Infinity ? -1 : restartedAt - restartingAt,
      recovered_ms: recoveredAt === Infinity ? -1 : recoveredAt - restartedAt,
      same_process: sameProcess,
      audit_valid: auditValid,
    });

    expect(unexpected.slice(0, 5)).toEqual([]);
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
    expect(during.length).toBeGreaterThan(0);
    expect(outageOutliers).toEqual([]);
    expect(errors500).toBe(0);
    expect(maxMs).toBeLessThan(POOL_TIMEOUT_MS + 10_000);
    expect(readyDuring.length).toBeGreaterThan(0);
    expect(readyDuring.every((s) => s === 503)).toBe(true);
    expect(readyAfter[readyAfter.length - 1]).toBe(200);
    expect(sameProcess).toBe(true);
    expect(auditValid).toBe(true);
    expect(service.service.output()).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  });
});

function record(
  kind: Outcome['kind'],
  startedAt: number,
  res: { status: number; headers: Headers },
  extra: { reference?: string; note?: string },
): Outcome {
  return {
    kind,
    startedAt,
    endedAt: Date.now(),
    status: res.status,
    problem: (res.headers.get('content-type') ?? '').startsWith('application/problem+json'),
    retryAfter: res.headers.get('retry-after'),
    ...extra,
  };
}
