import { afterEach, describe, expect, it } from 'vitest';
import { issuingOperations as issuingContract } from '../../../shared/contract/issuing-contract.js';
import { vaultOperations as vaultContract } from '../../../shared/contract/vault-contract.js';
import { context, serviceHarness, textSource, type ServiceHarness } from './service-harness.js';
import { folderBytes } from '../../support/talcred-cli.js';

const harnesses: ServiceHarness[] = [];
afterEach(async () => {
  for (const harness of harnesses.splice(0)) await harness.cleanup();
});

async function vaultWithProd(): Promise<ServiceHarness> {
  const harness = await serviceHarness();
  harnesses.push(harness);
  await harness.service.importContexts({ sources: [textSource([context('prod')])] });
  return harness;
}

describe('the service (what the app calls) checks addresses and new names', () => {
  it('setEndpoints, setNodes and rename refuse bad values naming them, and change nothing', async () => {
    const harness = await vaultWithProd();
    const before = await folderBytes(harness.home);
    // The failure's own code crosses to the app, so its screen can point at the field.
    await expect(
      harness.service.setEndpoints({ name: 'prod', endpoints: ['bad host!'] }),
    ).rejects.toMatchObject({
      code: 'invalid-endpoint',
      message: expect.stringMatching(/endpoint "bad host!" is not an address/) as unknown,
    });
    await expect(harness.service.setNodes({ name: 'prod', nodes: ['10.0.0.1:70000'] })).rejects.toMatchObject(
      {
        code: 'invalid-node',
        message: expect.stringMatching(/node "10.0.0.1:70000" is not an address: the port/) as unknown,
      },
    );
    await expect(harness.service.rename({ from: 'prod', to: 'a\nb' })).rejects.toMatchObject({
      code: 'invalid-name',
      message: expect.stringMatching(/control characters/) as unknown,
    });
    expect(await folderBytes(harness.home)).toEqual(before);
  });

  it('the contract schemas carry the same checks for every transport', () => {
    const endpoint = vaultContract.setEndpoints.args.safeParse({ name: 'prod', endpoints: [''] });
    expect(endpoint.success).toBe(false);
    expect(endpoint.error?.issues[0]?.message).toBe('endpoint "" is not an address: it is empty');
    expect(
      issuingContract.issue.args.safeParse({ ca: 'c', roles: ['os:reader'], nodes: ['::::'] }).success,
    ).toBe(false);
    expect(
      issuingContract.accept.args.safeParse({
        cert: { kind: 'path', path: 'c' },
        endpoints: ['https://omni.example'],
      }).success,
    ).toBe(true);
    expect(vaultContract.rename.args.safeParse({ from: 'x'.repeat(300), to: 'x'.repeat(257) }).success).toBe(
      false,
    );
    expect(
      issuingContract.createRequest.args.safeParse({ name: 'ok\u202e', roles: ['os:reader'] }).success,
    ).toBe(false);
  });
});
