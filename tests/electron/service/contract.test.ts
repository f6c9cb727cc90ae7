import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCatalog } from '../../../shared/contract/error-codes.js';
import type { AreaSpec } from '../../../shared/contract/operation.js';
import { registry, serviceAreaNames } from '../../../shared/contract/registry.js';
import { UserError } from '../../../shared/user-error.js';
import { serviceHarness, type ServiceHarness } from './service-harness.js';

// Not objects: every operation's arguments are one, so each of these must be refused before a handler runs.
const malformed: unknown[] = [42, null, 'list', [], true];

let h: ServiceHarness;
beforeAll(async () => {
  h = await serviceHarness();
});
afterAll(async () => {
  await h.cleanup();
});

const operations = serviceAreaNames.flatMap((area) =>
  Object.keys(registry[area]).map((name) => [area, name] as const),
);

describe('the contract registry', () => {
  it.each(operations)('%s.%s refuses malformed arguments with invalid-arguments', async (area, name) => {
    const call = (h.services[area] as Record<string, (args: unknown) => Promise<unknown>>)[name];
    expect(call).toBeTypeOf('function');
    for (const args of malformed) {
      const error: unknown = await call?.(args).then(
        () => null,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).code).toBe('invalid-arguments');
      expect((error as UserError).message).toMatch(new RegExp(`^${name}: `));
    }
  });

  it('names a wrong field in the message', async () => {
    await expect(h.service.remove({ names: [] })).rejects.toMatchObject({
      code: 'invalid-arguments',
      message: expect.stringMatching(/^remove: names: /) as unknown,
    });
    // A field check that names its own failure keeps that code, for the app to point at the field.
    await expect(h.service.rename({ from: 'prod', to: '' })).rejects.toMatchObject({
      code: 'invalid-name',
      message: expect.stringMatching(/^rename: to: context name ""/) as unknown,
    });
  });

  it('lists only codes of the catalogue, and every catalogue code is raised by some operation', () => {
    const raised = new Set<string>(['invalid-arguments', 'usage']);
    const areas: AreaSpec[] = Object.values(registry);
    for (const area of areas) {
      for (const spec of Object.values(area)) {
        for (const code of spec.errors) {
          expect(Object.keys(errorCatalog)).toContain(code);
          raised.add(code);
        }
      }
    }
    // The CLI's own (its TTL words, its --label filter, its working folder) and the IPC layer's, raised
    // before any operation runs.
    const transportOnly = [
      'invalid-duration',
      'invalid-label-filter',
      'working-folder-missing',
      'caller-refused',
    ];
    const unlisted = Object.keys(errorCatalog).filter(
      (code) => !raised.has(code) && !transportOnly.includes(code),
    );
    expect(unlisted).toEqual([]);
  });

  it('gives the services exactly the registry operations, frozen', () => {
    for (const area of serviceAreaNames) {
      expect(Object.keys(h.services[area]).sort()).toEqual(Object.keys(registry[area]).sort());
      expect(Object.isFrozen(h.services[area])).toBe(true);
    }
  });
});
