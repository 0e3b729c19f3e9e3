import { createComplaint, fileCase, FiledCase } from './filing';
import { TestApp } from './test-app';

export const OFFICER = 'olga';
export const OMBUDSMAN = 'oscar';

export function staff(t: TestApp) {
  return {
    officer: `Bearer ${t.token('ombudsman_officer', OFFICER, 'Olga Officer')}`,
    ombudsman: `Bearer ${t.token('ombudsman', OMBUDSMAN, 'Oscar Ombudsman')}`,
    auditor: `Bearer ${t.token('auditor', 'ivy', 'Ivy Auditor')}`,
    agent: `Bearer ${t.token('frontline_agent', 'agent-7', 'Fred Frontline')}`,
    integration: `Bearer ${t.token('integration', 'crm')}`,
  };
}

/** A case waiting for triage: the front line answered ten days ago. */
export async function submittedCase(
  t: TestApp,
  overrides: Record<string, unknown> = {},
): Promise<FiledCase> {
  const complaintReference = await createComplaint(t, { answeredDaysAgo: 10 });
  return fileCase(t, { complaintReference, ...overrides });
}

/** A case under investigation by the officer. */
export async function investigatedCase(
  t: TestApp,
  overrides: Record<string, unknown> = {},
): Promise<FiledCase> {
  const filed = await submittedCase(t, overrides);
  const { officer } = staff(t);
  await t
    .http()
    .post(`/v1/admin/cases/${filed.reference}/triage`)
    .set('authorization', officer)
    .send({ decision: 'accept', reason: 'Within time, front line answered.' })
    .expect(200);
  await t
    .http()
    .post(`/v1/admin/cases/${filed.reference}/assign`)
    .set('authorization', officer)
    .send({ officerId: OFFICER })
    .expect(200);
  return filed;
}
