import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { knownRoles } from '../../../shared/roles/catalog.js';
import { permissionTable } from '../../../shared/roles/permissions-table.js';
import { allowedMethods, canCall, smallestRoleSets } from '../../../shared/roles/permissions.js';

const tableMethods = permissionTable.map((rule) => rule.method);
const role = fc.oneof(
  fc.constantFrom(...knownRoles),
  fc.constantFrom('os:future', 'admin', ' os:reader ', ''),
);
const roleSet = fc.array(role, { maxLength: 5 });
const methodSet = fc.uniqueArray(fc.constantFrom(...tableMethods, '/machine.MachineService/NoSuchMethod'), {
  minLength: 1,
  maxLength: 6,
});

describe('permissions (properties)', () => {
  it('canCall agrees with allowedMethods on every method of the table', () => {
    fc.assert(
      fc.property(roleSet, (roles) => {
        const allowed = new Set(allowedMethods(roles));
        for (const method of tableMethods) {
          expect(canCall(roles, method).allowed).toBe(allowed.has(method));
        }
      }),
    );
  });

  it('adding a role never takes a permission away (no hierarchy, no deny rules)', () => {
    fc.assert(
      fc.property(roleSet, role, (roles, extra) => {
        const before = allowedMethods(roles);
        const after = new Set(allowedMethods([...roles, extra]));
        expect(before.every((method) => after.has(method))).toBe(true);
      }),
    );
  });

  it('every set smallestRoleSets offers can call every method asked for, and none is redundant', () => {
    fc.assert(
      fc.property(methodSet, (methods) => {
        const sets = smallestRoleSets(methods);
        expect(sets.at(-1)).toEqual(['os:admin']);
        for (const set of sets) {
          for (const method of methods) expect(canCall(set, method).allowed).toBe(true);
          for (const dropped of set.length > 1 ? set : []) {
            const smaller = set.filter((held) => held !== dropped);
            const stillCovers = methods.every((method) => {
              const decision = canCall(smaller, method);
              return decision.allowed && decision.restriction === undefined;
            });
            expect(stillCovers).toBe(false);
          }
        }
        const sizes = sets.slice(0, -1).map((set) => set.length);
        expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
      }),
    );
  });
});
