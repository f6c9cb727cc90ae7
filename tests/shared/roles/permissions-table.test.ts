import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isKnownRole } from '../../../shared/roles/catalog.js';
import { permissionTable } from '../../../shared/roles/permissions-table.js';

/** The table as Talos's own TSV states it (tests/fixtures/PERMISSIONS-PROVENANCE.md). */
function readTsv(): { method: string; roles: string[]; note?: string }[] {
  const text = readFileSync(new URL('../../fixtures/talos-api-permissions.tsv', import.meta.url), 'utf8');
  const lines = text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
  expect(lines[0]).toBe('method\tallowed_roles\tnote');
  return lines.slice(1).map((line) => {
    const [method = '', roles = '', note = ''] = line.split('\t');
    return { method, roles: roles.split(','), ...(note === '' ? {} : { note }) };
  });
}

describe('permissionTable', () => {
  it('equals the Talos 1.14 TSV rule for rule, in order', () => {
    const fromTsv = readTsv();
    expect(fromTsv).toHaveLength(81);
    expect(permissionTable.map((rule) => ({ ...rule, roles: [...rule.roles] }))).toEqual(fromTsv);
  });

  it('lists each method once, always allows os:admin, and names only known roles', () => {
    const methods = permissionTable.map((rule) => rule.method);
    expect(new Set(methods).size).toBe(methods.length);
    for (const rule of permissionTable) {
      expect(rule.method).toMatch(/^\/[a-z]+(\.[a-z]+)*\.[A-Za-z]+\/[A-Za-z]+$/);
      expect(rule.roles).toContain('os:admin');
      expect(rule.roles.every(isKnownRole)).toBe(true);
    }
  });

  it('has only notes of the form "<role> only in maintenance mode" for a role the rule lists', () => {
    // conditionalRoles() and smallestRoleSets() rely on this shape; a new kind of note must be looked at.
    for (const rule of permissionTable.filter((entry) => entry.note !== undefined)) {
      const match = /^(\w+) only in maintenance mode$/.exec(rule.note ?? '');
      expect(match, rule.method).not.toBeNull();
      expect(rule.roles).toEqual(['os:admin', `os:${match?.[1] ?? ''}`]);
    }
  });
});
