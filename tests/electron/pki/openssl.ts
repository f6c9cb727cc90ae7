// Test helper: run the real OpenSSL CLI on files in a temporary folder.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface OpensslResult {
  ok: boolean;
  output: string;
}

export function openssl(args: readonly string[], input?: string): OpensslResult {
  try {
    const output = execFileSync('openssl', args, {
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(input === undefined ? {} : { input }),
    });
    return { ok: true, output };
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}` };
  }
}

/** Writes the named files into a fresh temporary folder, runs `use` with their paths, then removes it. */
export function withFiles<T>(files: Record<string, string>, use: (paths: Record<string, string>) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'tcm-openssl-'));
  try {
    const paths: Record<string, string> = {};
    for (const [name, content] of Object.entries(files)) {
      paths[name] = join(dir, name);
      writeFileSync(paths[name], content, { mode: 0o600 });
    }
    return use(paths);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `openssl verify -purpose sslclient`, as a TLS server checks a Talos client certificate; `at` pins the
 * verification time so fixtures with fixed validity keep working.
 */
export function verifyClientCert(caPem: string, certPem: string, at?: Date): OpensslResult {
  const time = at === undefined ? [] : ['-attime', String(Math.floor(at.getTime() / 1000))];
  return withFiles({ 'ca.pem': caPem, 'cert.pem': certPem }, (paths) =>
    openssl([
      'verify',
      '-purpose',
      'sslclient',
      ...time,
      '-CAfile',
      paths['ca.pem'] ?? '',
      paths['cert.pem'] ?? '',
    ]),
  );
}
