import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A path inside this repository, found from wherever this module runs: the Playwright suite runs it from
 * e2e/, `npm run bench` from a bundle under node_modules/.cache.
 */
export function repoPath(...parts: string[]): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      readFileSync(manifest, 'utf8').includes('"name": "talos-credential-manager"')
    ) {
      return join(dir, ...parts);
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('not inside the talos-credential-manager repository');
    dir = parent;
  }
}
