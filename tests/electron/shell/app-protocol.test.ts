import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mimeTypeFor, resolveAppFile } from '../../../electron/app-files.js';
import {
  APP_ORIGIN,
  createAppRequestHandler,
  handleAppProtocol,
  registerAppScheme,
} from '../../../electron/security.js';
import { FakeProtocol } from './fake-electron.js';

vi.mock('electron', () => ({}));

const policy = "default-src 'self'";
let root: string;
let buildDir: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'talcred-app-protocol-'));
  buildDir = join(root, 'renderer');
  await mkdir(join(buildDir, 'assets'), { recursive: true });
  await writeFile(join(buildDir, 'index.html'), '<!doctype html><title>ok</title>');
  await writeFile(join(buildDir, 'assets', 'index-abc.js'), 'export {};');
  await writeFile(join(buildDir, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(join(root, 'secret.txt'), 'outside the build folder');
  await symlink(join(root, 'secret.txt'), join(buildDir, 'assets', 'link-out.js'));
  await symlink(root, join(buildDir, 'dir-out'));
  await symlink(join(buildDir, 'index.html'), join(buildDir, 'assets', 'link-in.html'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function get(path: string, method = 'GET'): Promise<Response> {
  return createAppRequestHandler(buildDir, policy)(new Request(`${APP_ORIGIN}${path}`, { method }));
}

describe('resolveAppFile', () => {
  it('serves files inside the build folder, and index.html for the root', async () => {
    expect(await resolveAppFile(buildDir, '/assets/index-abc.js')).toMatch(/assets\/index-abc\.js$/);
    expect(await resolveAppFile(buildDir, '/')).toMatch(/index\.html$/);
    expect(await resolveAppFile(buildDir, '/assets/link-in.html')).toMatch(/renderer\/index\.html$/);
  });

  it.each([
    ['a parent climb', '/../secret.txt'],
    ['a deep parent climb', '/assets/../../secret.txt'],
    ['an encoded climb', '/%2e%2e/secret.txt'],
    ['an encoded climb with encoded slashes', '/assets%2f%2e%2e%2f%2e%2e%2fsecret.txt'],
    ['an absolute path', '//etc/passwd'],
    ['an encoded absolute path', '/%2Fetc%2Fpasswd'],
    ['a symlink to a file outside', '/assets/link-out.js'],
    ['a symlink to a folder outside', '/dir-out/secret.txt'],
    ['a NUL byte', '/index.html%00.js'],
    ['a backslash', '/..%5csecret.txt'],
    ['bad percent-encoding', '/%E0%A4%A'],
    ['a folder', '/assets'],
    ['a missing file', '/nothing.js'],
  ])('refuses %s', async (_what, path) => {
    expect(await resolveAppFile(buildDir, path)).toBeNull();
  });
});

describe('mimeTypeFor', () => {
  it('names the types a Vite build serves, and opaque bytes for the rest', () => {
    expect(mimeTypeFor('a/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('a/index-abc.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('a/index-abc.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('a/logo.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('a/unknown.bin')).toBe('application/octet-stream');
  });
});

describe('createAppRequestHandler', () => {
  it('answers with the file, its MIME type and the CSP header', async () => {
    const response = await get('/assets/index-abc.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(policy);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('export {};');
  });

  it('answers 404 for a path that leaves the folder, another host, or a write', async () => {
    expect((await get('/%2e%2e/secret.txt')).status).toBe(404);
    expect((await get('/assets/link-out.js')).status).toBe(404);
    const otherHost = createAppRequestHandler(buildDir, policy)(new Request('app://elsewhere/index.html'));
    expect((await otherHost).status).toBe(404);
    expect((await get('/index.html', 'POST')).status).toBe(404);
  });

  it('answers HEAD without a body', async () => {
    const response = await get('/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});

describe('registerAppScheme and handleAppProtocol', () => {
  it('registers app:// as a standard, secure scheme that does not bypass the CSP', () => {
    const protocol = new FakeProtocol();
    registerAppScheme(protocol.asElectron());
    expect(protocol.privileged).toEqual([
      {
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true, bypassCSP: false }) as unknown,
      },
    ]);
  });

  it('installs the build-folder handler on app://', async () => {
    const protocol = new FakeProtocol();
    handleAppProtocol(protocol.asElectron(), buildDir, policy);
    const handler = protocol.handlers.get('app');
    expect(handler).toBeDefined();
    expect((await handler?.(new Request(`${APP_ORIGIN}/index.html`)))?.status).toBe(200);
  });
});
