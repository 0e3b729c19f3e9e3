import fc from 'fast-check';
import { FRONTLINE_ROLES, holdsBothSides, JWT_ROLES, STAFF_ROLES } from './roles';

describe('nobody is on both sides', () => {
  it.each(STAFF_ROLES.flatMap((office) => FRONTLINE_ROLES.map((front) => [office, front])))(
    'refuses %s together with %s',
    (office, front) => {
      expect(holdsBothSides([office, front])).toBe(true);
      expect(holdsBothSides([front, office])).toBe(true);
    },
  );

  it('refuses a set of roles exactly when it holds a front-line and an office role', () => {
    fc.assert(
      fc.property(fc.subarray([...JWT_ROLES]), (roles) => {
        const front = roles.some((r) => (FRONTLINE_ROLES as readonly string[]).includes(r));
        const office = roles.some((r) => (STAFF_ROLES as readonly string[]).includes(r));
        expect(holdsBothSides(roles)).toBe(front && office);
      }),
    );
  });
});
