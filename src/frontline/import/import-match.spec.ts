import { ComplaintEntity } from '../complaint.entity';
import { importDifferences, ImportedComplaint } from './import-match';

const received = new Date('2025-04-01T09:00:00.000Z');
const responded = new Date('2025-04-10T09:00:00.000Z');

const known: ComplaintEntity = {
  id: '5b0c3f5e-8f4a-4d0e-9a39-6f1c1f7d2a10',
  reference: 'CMP-000001',
  source: 'crm',
  externalId: 'crm-1',
  customerName: 'Li Wei',
  customerEmail: 'li@example.cn',
  customerNumber: null,
  subject: 'Deposit',
  description: 'Not refunded',
  channel: 'phone',
  agentId: 'crm',
  receivedAt: received,
  responseDueAt: new Date('2025-04-22T09:00:00.000Z'),
  finalResponseText: 'No.',
  finalResponseOfferMinor: 500,
  finalResponseOfferCurrency: 'EUR',
  finalResponseAt: responded,
  finalResponseBy: 'crm',
};

const same: ImportedComplaint = {
  customer: { name: 'Li Wei', email: 'li@example.cn' },
  subject: 'Deposit',
  description: 'Not refunded',
  channel: 'phone',
  agentId: 'crm',
  receivedAt: new Date(received),
  finalResponse: {
    text: 'No.',
    offer: { amountMinor: 500, currency: 'EUR' },
    respondedAt: new Date(responded),
  },
};

describe('telling the same imported item from another one', () => {
  it('finds no difference in the same item, nor in one that leaves its times out', () => {
    expect(importDifferences(same, known)).toEqual([]);
    expect(
      importDifferences({ ...same, receivedAt: undefined, finalResponse: undefined }, known),
    ).toEqual([]);
  });

  it('names every field that differs', () => {
    const other: ImportedComplaint = {
      ...same,
      customer: { ...same.customer, customerNumber: 'C-1' },
      channel: undefined,
      receivedAt: new Date(received.getTime() + 1),
      finalResponse: { text: 'No.', respondedAt: new Date(responded) },
    };
    expect(importDifferences(other, known)).toEqual([
      'customer.customerNumber',
      'channel',
      'receivedAt',
      'finalResponse.offer',
    ]);
  });

  it('counts a final response the complaint does not have as a difference', () => {
    const unanswered = { ...known, finalResponseText: null, finalResponseAt: null };
    expect(
      importDifferences(same, {
        ...unanswered,
        finalResponseOfferMinor: null,
        finalResponseOfferCurrency: null,
        finalResponseBy: null,
      }),
    ).toEqual(['finalResponse']);
  });
});
