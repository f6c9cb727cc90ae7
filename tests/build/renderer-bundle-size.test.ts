import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const rendererOut = fileURLToPath(new URL('../../out/renderer/', import.meta.url));
const BUDGET_BYTES = 200 * 1024; // DESIGN.md "Performance targets": gzip bundle <= 200 KB

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

describe.skipIf(!existsSync(rendererOut))('the built renderer (npm run build)', () => {
  it(`weighs at most ${BUDGET_BYTES / 1024} KB gzipped, every file counted`, async () => {
    let total = 0;
    for (const file of await filesUnder(rendererOut)) {
      if (file.endsWith('.map')) continue;
      total += gzipSync(await readFile(file), { level: 9 }).length;
    }
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
