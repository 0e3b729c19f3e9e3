import { claimList, readClaim } from './claim-path';

describe('reading a mapped claim', () => {
  const claims = {
    roles: ['auditor'],
    realm_access: { roles: ['ombudsman', 'offline_access'] },
    'https://office.example/roles': ['ombudsman_officer'],
    preferred_username: 'alice',
  };

  it('reads a top-level claim, a dotted path and a namespaced claim holding dots', () => {
    expect(readClaim(claims, 'roles')).toEqual(['auditor']);
    expect(readClaim(claims, 'realm_access.roles')).toEqual(['ombudsman', 'offline_access']);
    expect(readClaim(claims, 'https://office.example/roles')).toEqual(['ombudsman_officer']);
    expect(readClaim(claims, 'preferred_username')).toBe('alice');
  });

  it('finds nothing on a missing path, a path through a non-object or an inherited member', () => {
    expect(readClaim(claims, 'resource_access.crm.roles')).toBeUndefined();
    expect(readClaim(claims, 'preferred_username.length')).toBeUndefined();
    expect(readClaim(claims, 'realm_access.constructor')).toBeUndefined();
    expect(readClaim(claims, 'toString')).toBeUndefined();
  });

  it('takes a list of names, or one name, and nothing else', () => {
    expect(claimList(['a', 1, 'b'])).toEqual(['a', 'b']);
    expect(claimList('a')).toEqual(['a']);
    expect(claimList({ a: 1 })).toEqual([]);
    expect(claimList(undefined)).toEqual([]);
  });
});
