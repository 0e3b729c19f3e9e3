import { RouteTable } from './route-table';

describe('RouteTable', () => {
  const table = new RouteTable();
  table.add(['GET', 'HEAD'], '/v1/admin/cases/:reference');
  table.add('POST', '/v1/admin/cases/:reference');
  table.add('GET', '/health/live');

  it('lists the methods a concrete path answers, without HEAD', () => {
    expect(table.allowedMethods('/v1/admin/cases/OMB-2026-000001')).toEqual(['GET', 'POST']);
  });

  it('knows nothing of a path no route matches', () => {
    expect(table.allowedMethods('/v1/admin/cases/OMB-1/notes')).toEqual([]);
    expect(table.allowedMethods('/health/livez')).toEqual([]);
  });

  it('reads `::` as a literal colon, not as a parameter', () => {
    const colons = new RouteTable();
    colons.add('POST', '/v1/frontline/complaints::import');
    colons.add('GET', '/v1/frontline/complaints/:reference');
    expect(colons.allowedMethods('/v1/frontline/complaints:import')).toEqual(['POST']);
    expect(colons.allowedMethods('/v1/frontline/complaints:export')).toEqual([]);
    expect(colons.allowedMethods('/v1/frontline/complaints/CMP-000001')).toEqual(['GET']);
  });
});
