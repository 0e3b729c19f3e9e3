import { alreadyShared, maySee, partyAccessExpired, visibleTo } from './document-visibility';

const doc = (
  uploaderSide: 'customer' | 'company' | 'office',
  shared: { customer?: boolean; company?: boolean; withdrawn?: boolean } = {},
) => ({
  uploaderSide,
  sharedWithCustomerAt: shared.customer ? new Date() : null,
  sharedWithCompanyAt: shared.company ? new Date() : null,
  withdrawnAt: shared.withdrawn ? new Date() : null,
});

describe('who sees a document', () => {
  it('is its uploader’s side and the office, until the office shares it', () => {
    expect(visibleTo(doc('customer'))).toEqual(['customer', 'ombudsman']);
    expect(visibleTo(doc('company'))).toEqual(['company', 'ombudsman']);
    expect(visibleTo(doc('office'))).toEqual(['ombudsman']);
    expect(visibleTo(doc('customer', { company: true }))).toEqual([
      'customer',
      'company',
      'ombudsman',
    ]);
    expect(maySee(doc('company'), 'customer')).toBe(false);
    expect(maySee(doc('office', { customer: true }), 'customer')).toBe(true);
    expect(maySee(doc('office', { customer: true }), 'company')).toBe(false);
  });

  it('leaves a withdrawn document to the office alone', () => {
    const withdrawn = doc('customer', { company: true, withdrawn: true });
    expect(visibleTo(withdrawn)).toEqual(['ombudsman']);
    expect(maySee(withdrawn, 'customer')).toBe(false);
    expect(maySee(withdrawn, 'company')).toBe(false);
    expect(maySee(withdrawn, 'office')).toBe(true);
  });

  it('knows when sharing would change nothing', () => {
    expect(alreadyShared(doc('customer'), 'customer')).toBe(true);
    expect(alreadyShared(doc('customer'), 'company')).toBe(false);
  });

  it('keeps a closed case’s documents open to the parties for the configured days', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    expect(partyAccessExpired(null, now, 0)).toBe(false);
    expect(partyAccessExpired(new Date('2026-05-01T00:00:00Z'), now, 31)).toBe(false);
    expect(partyAccessExpired(new Date('2026-05-01T00:00:00Z'), now, 30)).toBe(true);
  });
});
