import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signStaffToken } from '../../src/auth/token-signer';
import { createTestDatabase } from '../support/database';
import { call, filing, Instance, staffToken, startInstance } from './support/instances';
import { reportFigures } from './support/figures';

const ROOT = join(__dirname, '..', '..');
const METRICS_TOKEN = 'metrics-token-of-the-fault-suite-0123456789';
const UNKNOWN_REFERENCE = 'OMB-2099-999999';

jest.setTimeout(300_000);

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly security: 'jwt' | 'caseToken' | 'metricsToken';
  readonly roles: readonly string[];
  readonly documented: readonly number[];
  readonly example?: unknown;
  readonly multipart: boolean;
}

/** Every operation of openapi.json that needs a caller, with its roles and documented statuses. */
function operations(): Operation[] {
  const doc = JSON.parse(readFileSync(join(ROOT, 'openapi.json'), 'utf8')) as {
    paths: Record<string, Record<string, Record<string, unknown>>>;
  };
  const found: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(item)) {
      const security = (op.security as Record<string, unknown>[] | undefined)?.[0];
      if (!security || !op.responses) continue;
      const body = (
        op.requestBody as { content?: Record<string, { example?: unknown }> } | undefined
      )?.content;
      found.push({
        method: method.toUpperCase(),
        path,
        security: Object.keys(security)[0] as Operation['security'],
        roles: (op['x-roles'] as string[] | undefined) ?? [],
        documented: Object.keys(op.responses as object).map(Number),
        example:
          body?.['application/json']?.example ?? (body?.['application/json'] ? {} : undefined),
        multipart: Boolean(body?.['multipart/form-data']),
      });
    }
  return found;
}

/** A token of the right shape but `alg: none`: no signature at all. */
function algNone(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: 'mallory', roles: ['ombudsman'], iat: now, exp: now + 600 })}.`;
}

describe('fault: the authorization matrix generated from openapi.json', () => {
  let service: Instance;

  beforeAll(async () => {
    service = await startInstance({
      DATABASE_URL: await createTestDatabase(),
      RATE_LIMIT_PER_MINUTE: '1000000',
      CASE_TOKEN_FAILURES_PER_HOUR: '1000000',
      METRICS_TOKEN,
    });
  });

  afterAll(async () => {
    await service?.terminate();
  });

  /** A case in mediation with a proposal, its remedy and a customer's document. */
  async function caseWithObjects() {
    const officer = staffToken('ombudsman_officer', 'olga');
    const filed = await call(service.base, 'POST', '/v1/escalations', { body: filing('matrix') });
    const { reference, accessToken } = filed.body as { reference: string; accessToken: string };
    const step = async (path: string, body: unknown) => {
      const res = await call(service.base, 'POST', `/v1/admin/cases/${reference}${path}`, {
        token: officer,
        body,
      });
      expect(res.status).toBeLessThan(300);
      return res.body as Record<string, unknown>;
    };
    await step('/triage', { decision: 'accept', reason: 'Within time.' });
    await step('/assign', { officerId: 'olga' });
    const proposal = await step('/proposals', {
      terms: 'Refund of the deposit',
      remedies: [
        { type: 'refund', amount: { amountMinor: 12550, currency: 'EUR' }, description: 'Refund' },
      ],
    });
    const remedies = await call(service.base, 'GET', `/v1/admin/cases/${reference}/remedies`, {
      token: officer,
    });
    const form = new FormData();
    form.append(
      'file',
      new Blob(['a receipt, in plain text\n'], { type: 'text/plain' }),
      'receipt.txt',
    );
    const upload = await fetch(`${service.base}/v1/escalations/${reference}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}` },
      body: form,
    });
    expect(upload.status).toBe(201);
    const list = remedies.body as { items?: { id: string }[] } | { id: string }[];
    const remedyId = (Array.isArray(list) ? list : (list.items ?? []))[0]?.id;
    return {
      reference,
      accessToken,
      proposalId: String(proposal.id),
      remedyId: String(remedyId),
      documentId: String(((await upload.json()) as { id: string }).id),
    };
  }

  it('answers every operation, for every caller without a right to the object, only 401/403/404 as documented', async () => {
    const a = await caseWithObjects();
    const b = await caseWithObjects();
    for (const id of [b.proposalId, b.remedyId, b.documentId])
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const callers: Record<
      string,
      { token?: string; jwtRoles?: string[]; kind: 'refused' | 'jwt' | 'customer' | 'both' }
    > = {
      no_token: { kind: 'refused' },
      expired: {
        kind: 'refused',
        token: signStaffToken('fault-suite-secret-that-is-long-enough-0123456789abcdef', {
          sub: 'eve',
          roles: ['ombudsman'],
          expiresInSeconds: -120,
        }),
      },
      alg_none: { kind: 'refused', token: algNone() },
      wrong_signature: {
        kind: 'refused',
        token: signStaffToken('another-secret-that-is-long-enough-0123456789abcdef', {
          sub: 'eve',
          roles: ['ombudsman'],
        }),
      },
      ombudsman_officer: {
        kind: 'jwt',
        jwtRoles: ['ombudsman_officer'],
        token: staffToken('ombudsman_officer', 'olga'),
      },
      ombudsman: { kind: 'jwt', jwtRoles: ['ombudsman'], token: staffToken('ombudsman', 'oscar') },
      auditor: { kind: 'jwt', jwtRoles: ['auditor'], token: staffToken('auditor', 'audrey') },
      frontline_agent: {
        kind: 'jwt',
        jwtRoles: ['frontline_agent'],
        token: staffToken('frontline_agent', 'fred'),
      },
      integration: {
        kind: 'jwt',
        jwtRoles: ['integration'],
        token: staffToken('integration', 'crm'),
      },
      both_sides: {
        kind: 'both',
        token: signStaffToken('fault-suite-secret-that-is-long-enough-0123456789abcdef', {
          sub: 'janus',
          roles: ['frontline_agent', 'ombudsman'],
        }),
      },
      other_customer: { kind: 'customer', token: b.accessToken },
    };

    const ops = operations();
    const leaks: string[] = [];
    let checked = 0;
    let skipped = 0;
    for (const op of ops) {
      const hasChildId = /\{(?!reference\})[^}]+\}/.test(op.path);
      // Ids the caller may not see: case A's reference with case B's objects, or a case that does
      // not exist when the route names no other object; the customer holds B's token for case A.
      const path = op.path
        .replace(
          '{reference}',
          hasChildId || op.security === 'caseToken' ? a.reference : UNKNOWN_REFERENCE,
        )
        .replace('{proposalId}', b.proposalId)
        .replace('{remedyId}', b.remedyId)
        .replace(/\/documents\/\{id\}/, `/documents/${b.documentId}`)
        .replace(/\{[^}]+\}/g, randomUUID());
      const namesObject = /\{[^}]+\}/.test(op.path);
      for (const [name, caller] of Object.entries(callers)) {
        let expected: number[];
        if (op.security === 'metricsToken') expected = [401, 403];
        // A customer route: a bearer that is not this case's token is "not yours" (404).
        else if (op.security === 'caseToken') expected = caller.token ? [401, 404] : [401];
        else if (caller.kind === 'refused') expected = [401];
        else if (caller.kind === 'customer') expected = [401];
        else if (caller.kind === 'both') expected = [403];
        else if (!caller.jwtRoles!.some((role) => op.roles.includes(role))) expected = [403];
        else if (namesObject) expected = [404];
        else {
          skipped += 1; // the role may use this route on everything: nothing to hide from it
          continue;
        }
        let status: number;
        if (op.multipart) {
          const form = new FormData();
          form.append('file', new Blob(['evidence\n'], { type: 'text/plain' }), 'evidence.txt');
          const res = await fetch(`${service.base}${path}`, {
            method: op.method,
            headers: caller.token ? { authorization: `Bearer ${caller.token}` } : {},
            body: form,
          });
          await res.arrayBuffer();
          status = res.status;
        } else {
          status = (
            await call(service.base, op.method, path, { token: caller.token, body: op.example })
          ).status;
        }
        checked += 1;
        if (!expected.includes(status) || !op.documented.includes(status))
          leaks.push(
            `${op.method} ${op.path} as ${name}: ${status} (expected ${expected.join('|')})`,
          );
      }
    }

    reportFigures('authorization-matrix', {
      operations: ops.length,
      callers: Object.keys(callers).length,
      checked,
      allowed_skipped: skipped,
      leaked: leaks.length,
    });
    expect(leaks).toEqual([]);
    expect(ops.length).toBeGreaterThan(50);
  });
});
