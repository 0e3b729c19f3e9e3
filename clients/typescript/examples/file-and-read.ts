import { createOmbudsmanClient, newIdempotencyKey } from '../src';

/**
 * Files a dispute as a customer, then reads the customer view back with the access token the
 * filing returned. `OMBUDSMAN_URL=http://localhost:3000 npx ts-node examples/file-and-read.ts`
 */
export async function fileAndRead(baseUrl: string, log: (line: string) => void): Promise<string> {
  const publicClient = createOmbudsmanClient({ baseUrl });
  const { data: filed } = await publicClient.POST('/v1/escalations', {
    params: { header: { 'Idempotency-Key': newIdempotencyKey() } },
    body: {
      customer: { name: 'Anna Petrova', email: 'anna@example.org' },
      subject: 'Refund refused',
      description: 'I returned the goods and the deposit was never refunded.',
      amountInDispute: { amountMinor: 12550, currency: 'EUR' },
      preferredLanguage: 'en',
    },
  });
  if (!filed) throw new Error('the filing answered no body');
  log(`filed ${filed.reference}: ${filed.status}`);

  const customer = createOmbudsmanClient({ baseUrl, token: filed.accessToken });
  const { data: view } = await customer.GET('/v1/escalations/{reference}', {
    params: { path: { reference: filed.reference } },
  });
  if (!view) throw new Error('the customer view answered no body');
  log(`read ${view.reference}: ${view.statusText}`);
  log(`next step: ${view.nextStep}`);
  for (const deadline of view.deadlines) log(`deadline ${deadline.kind}: ${deadline.dueAt}`);
  return view.reference;
}

if (require.main === module) {
  fileAndRead(process.env.OMBUDSMAN_URL ?? 'http://localhost:3000', (line) =>
    process.stdout.write(`${line}\n`),
  ).catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
}
