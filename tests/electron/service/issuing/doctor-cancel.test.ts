import { readFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTalosconfig } from '../../../../shared/talosconfig/parse.js';
import { freePort } from '../../../support/free-port.js';
import { ADMIN } from '../../../support/talos-fixtures.js';
import { serviceHarness, talosconfigText, type ServiceHarness } from '../service-harness.js';

let h: ServiceHarness;
let silent: Server;
const held: Socket[] = [];
let silentPort: number;
let closedPort: number;

beforeAll(async () => {
  h = await serviceHarness();
  // Takes the connection and never says a word: a TLS handshake with it waits until its timeout.
  silent = createServer((socket) => held.push(socket));
  silentPort = await freePort();
  closedPort = await freePort();
  await new Promise<void>((resolve) => silent.listen(silentPort, '127.0.0.1', resolve));
  const admin = parseTalosconfig(await readFile(ADMIN, 'utf8'), ADMIN).contexts[0];
  if (admin === undefined) throw new Error('the fixture has no context');
  const endpoints = [`127.0.0.1:${closedPort}`, `127.0.0.1:${silentPort}`];
  await h.service.importContexts({
    sources: [{ kind: 'text', text: talosconfigText([{ ...admin, endpoints }]), label: 'test' }],
  });
});

afterAll(async () => {
  for (const socket of held) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
  await h.cleanup();
});

describe('doctor --online, cancelled', () => {
  it('reports each endpoint as it is probed, and stops at once when cancelled', async () => {
    const controller = new AbortController();
    const progress: unknown[] = [];
    const running = h.services.issuing.doctor(
      { online: true, timeoutMs: 120_000 },
      {
        signal: controller.signal,
        onProgress: (report) => {
          progress.push(report);
          // The refused endpoint answers at once; the silent one would hold the check for two minutes.
          controller.abort();
        },
      },
    );
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
    expect(progress).toEqual([
      { done: 1, total: 2, context: 'no-roles', endpoint: `127.0.0.1:${closedPort}` },
    ]);
  });

  it('refuses to start when already cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      h.services.issuing.doctor({ online: true }, { signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'cancelled' });
  });
});
