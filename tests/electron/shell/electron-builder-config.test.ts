import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

async function config(file: string): Promise<Record<string, unknown>> {
  return parse(await readFile(new URL(`../../../${file}`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
}

describe('electron-builder configuration', () => {
  it('ships with the release fuses', async () => {
    expect((await config('electron-builder.yml')).electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
  });

  it('builds for test with only the inspect fuse changed (Playwright _electron needs it)', async () => {
    const release = await config('electron-builder.yml');
    const test = await config('electron-builder.test.yml');
    expect(test.extends).toBe('./electron-builder.yml');
    expect(test.electronFuses).toEqual({
      ...(release.electronFuses as object),
      enableNodeCliInspectArguments: true,
    });
  });

  it('packages AppImage, deb, dmg and NSIS, and opens .talosconfig and .age files', async () => {
    const release = await config('electron-builder.yml');
    expect(release).toMatchObject({
      linux: { target: ['AppImage', 'deb'] },
      mac: { target: 'dmg' },
      win: { target: 'nsis' },
      extraMetadata: { main: 'out/main/main.js' },
    });
    const associations = release.fileAssociations as { ext: string }[];
    expect(associations.map((association) => association.ext)).toEqual(['talosconfig', 'age']);
  });
});
