import { Money } from '../../common/money/money';
import { ComplaintEntity } from '../complaint.entity';

/** What an imported item says about its complaint, once parsed. */
export interface ImportedComplaint {
  readonly customer: {
    readonly name: string;
    readonly email: string;
    readonly customerNumber?: string;
  };
  readonly subject: string;
  readonly description: string;
  readonly channel?: string;
  readonly agentId: string;
  readonly receivedAt?: Date;
  readonly finalResponse?: {
    readonly text: string;
    readonly offer?: Money;
    readonly respondedAt: Date;
  };
}

/**
 * The fields in which an item differs from the complaint its externalId already made; empty when
 * it is the same item again. A time the item leaves out (receipt, final response) is not compared:
 * an item that states less contradicts nothing.
 */
export function importDifferences(item: ImportedComplaint, known: ComplaintEntity): string[] {
  const checks: [string, boolean][] = [
    ['customer.name', item.customer.name === known.customerName],
    ['customer.email', item.customer.email === known.customerEmail],
    ['customer.customerNumber', (item.customer.customerNumber ?? null) === known.customerNumber],
    ['subject', item.subject === known.subject],
    ['description', item.description === known.description],
    ['channel', (item.channel ?? null) === known.channel],
    ['agentId', item.agentId === known.agentId],
    ['receivedAt', !item.receivedAt || sameTime(item.receivedAt, known.receivedAt)],
  ];
  const response = item.finalResponse;
  if (response) {
    checks.push(
      ['finalResponse', known.finalResponseText !== null],
      ['finalResponse.text', response.text === (known.finalResponseText ?? response.text)],
      ['finalResponse.offer', known.finalResponseText === null || sameOffer(response.offer, known)],
      [
        'finalResponse.respondedAt',
        !known.finalResponseAt || sameTime(response.respondedAt, known.finalResponseAt),
      ],
    );
  }
  return checks.filter(([, same]) => !same).map(([field]) => field);
}

function sameTime(a: Date, b: Date): boolean {
  return a.getTime() === b.getTime();
}

function sameOffer(offer: Money | undefined, known: ComplaintEntity): boolean {
  return (
    (offer?.amountMinor ?? null) === known.finalResponseOfferMinor &&
    (offer?.currency ?? null) === known.finalResponseOfferCurrency
  );
}
