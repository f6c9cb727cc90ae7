import { afterEach, describe, expect, it } from 'vitest';
import { issuingContract } from '../../../shared/contract/issuing-contract.js';
import { vaultContract } from '../../../shared/contract/vault-contract.js';
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
    const before = await folderBytes(harness.service.deps.store.dir);
    await expect(harness.service.setEndpoints({ name: 'prod', endpoints: ['bad host!'] })).rejects.toThrow(
      /endpoint "bad host!" is not an address/,
    );
    await expect(harness.service.setNodes({ name: 'prod', nodes: ['10.0.0.1:70000'] })).rejects.toThrow(
      /node "10.0.0.1:70000" is not an address: the port/,
    );
    await expect(harness.service.rename({ from: 'prod', to: 'a\nb' })).rejects.toThrow(/control characters/);
    expect(await folderBytes(harness.service.deps.store.dir)).toEqual(before);
  });

  it('the contract schemas carry the same checks for every transport', () => {
    const endpoint = vaultContract.setEndpoints.args.safeParse({ name: 'prod', endpoints: [''] });
    expect(endpoint.success).toBe(false);
    expect(endpoint.error?.issues[0]?.message).toBe('endpoint "" is not an address: it is empty');
    expect(
      issuingContract.issue.args.safeParse({ ca: 'c', roles: ['os:reader'], nodes: ['::::'] }).success,
    ).toBe(false);
    expect(
      issuingContract.accept.args.safeParse({ certPath: 'c', endpoints: ['https://omni.example'] }).success,
    ).toBe(true);
    expect(vaultContract.rename.args.safeParse({ from: 'x'.repeat(300), to: 'x'.repeat(257) }).success).toBe(
      false,
    );
    expect(
      issuingContract.createRequest.args.safeParse({ name: 'ok\u202e', roles: ['os:reader'] }).success,
    ).toBe(false);
  });
});
