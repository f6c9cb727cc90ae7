import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compareContextNames } from '../../../shared/talosconfig/compare-context-names.js';
import type { TalosConfig, TalosContext } from '../../../shared/talosconfig/model.js';
import { parseTalosconfig } from '../../../shared/talosconfig/parse.js';
import { serializeTalosconfig } from '../../../shared/talosconfig/serialize.js';

/** One entry of tests/fixtures/talosctl-writer/writer-golden.json (see its README and PROVENANCE). */
interface GoldenEntry {
  talosconfig: {
    context: string;
    contexts: Record<
      string,
      {
        endpoints?: string[];
        nodes?: string[];
        ca?: string;
        crt?: string;
        key?: string;
        auth?: { basic?: { username?: string; password?: string }; siderov1?: { identity?: string } };
        cluster?: string;
        'proxy-url'?: string;
      }
    >;
  };
  talosctl_1_12: string;
  talosctl_1_11: string;
  talosctl_1_11_reads_back: boolean;
}

const golden = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../../fixtures/talosctl-writer/writer-golden.json', import.meta.url)),
    'utf8',
  ),
) as GoldenEntry[];

/** The model the fixture's input is: talosctl's struct fields, Go's zero values for absent ones. */
function modelOf({ talosconfig }: GoldenEntry): TalosConfig {
  const contexts = Object.entries(talosconfig.contexts).map(([name, fields]): TalosContext => {
    const context: TalosContext = {
      name,
      endpoints: fields.endpoints ?? [],
      nodes: fields.nodes ?? [],
      ca: fields.ca ?? '',
      crt: fields.crt ?? '',
      key: fields.key ?? '',
      extra: [],
    };
    const { basic, siderov1 } = fields.auth ?? {};
    if (basic || siderov1) {
      context.auth = {};
      if (basic) context.auth.basic = { username: basic.username ?? '', password: basic.password ?? '' };
      if (siderov1) context.auth.siderov1 = { identity: siderov1.identity ?? '' };
    }
    if (fields.cluster) context.cluster = fields.cluster;
    if (fields['proxy-url']) context.proxyUrl = fields['proxy-url'];
    return context;
  });
  contexts.sort((a, b) => compareContextNames(a.name, b.name));
  return { context: talosconfig.context, contexts, extra: [] };
}

/**
 * talosctl accepts a context named "", this product does not (model.ts: a name is at least one
 * character; parse.ts refuses the file): such an entry is outside what the model can hold.
 */
const hasEmptyName = (entry: GoldenEntry): boolean => '' in entry.talosconfig.contexts;
const holdable = golden.filter((entry) => !hasEmptyName(entry));

/**
 * The fixture's Go sorted these names with letter tables older than Unicode 14 (PROVENANCE.md): to it
 * U+0874 and U+0877, Arabic letters since Unicode 14, were not letters, so they sort before "é" and "off"
 * (keyList.Less puts non-letters first). talosctl 1.12 is built with Unicode 15 tables, as is this product.
 */
const olderUnicodeOrder = new Set([53, 296]);

function holdsTextStartingWithBreak(entry: GoldenEntry): boolean {
  return JSON.stringify(entry.talosconfig).includes('"\\n');
}

/** The model as a spec-following reader takes yaml.v3's `|4-` for a text starting with a break. */
function withoutLeadingBreaks(config: TalosConfig): TalosConfig {
  const stripped = JSON.parse(JSON.stringify(config).replaceAll('"\\n', '"')) as TalosConfig;
  stripped.contexts.sort((a, b) => compareContextNames(a.name, b.name));
  return stripped;
}

const LOST_BREAK_COUNT = 23;

/** A file's lines grouped by context: the header, then each context's block (its name and fields). */
function contextBlocks(text: string): string[] {
  return text.split(/(?<=\n)(?= {4}\S)/);
}

describe('the talosctl 1.12 writer fixture (go.yaml.in/yaml/v4 v4.0.0-rc.6)', () => {
  it('has 400 entries, 12 of them with a context named ""', () => {
    expect(golden).toHaveLength(400);
    expect(golden.filter(hasEmptyName)).toHaveLength(12);
  });

  it('is written byte for byte as talosctl 1.12 writes it, for every entry the model can hold', () => {
    const differing: number[] = [];
    golden.forEach((entry, index) => {
      if (hasEmptyName(entry)) return;
      if (serializeTalosconfig(modelOf(entry)) !== entry.talosctl_1_12) differing.push(index);
    });
    expect(differing).toEqual([...olderUnicodeOrder]);
    expect(holdable.length - differing.length).toBe(386);
  });

  it('differs on the two older-Unicode entries only in the order of their contexts', () => {
    for (const index of olderUnicodeOrder) {
      const entry = golden[index] as GoldenEntry;
      const written = contextBlocks(serializeTalosconfig(modelOf(entry)));
      const expected = contextBlocks(entry.talosctl_1_12);
      expect(written[0]).toBe(expected[0]);
      expect([...written].sort()).toEqual([...expected].sort());
      const names = Object.keys(entry.talosconfig.contexts).join('');
      expect(names).toMatch(/[\u0870-\u088e]/u);
    }
  });

  it('reads every talosctl 1.12 file back to its input', () => {
    for (const entry of holdable) {
      expect(parseTalosconfig(entry.talosctl_1_12, 'talosctl-1.12')).toEqual(modelOf(entry));
    }
  });

  it('reads every talosctl 1.11 file that yaml.v3 itself reads back to its input', () => {
    expect(golden.filter((entry) => !entry.talosctl_1_11_reads_back)).toHaveLength(24);
    const readable = holdable.filter((entry) => entry.talosctl_1_11_reads_back);
    // yaml.v3 wrote a text that starts with a line break as `|4-` with no empty line after it: the break
    // ended the header's line. A reader that follows the YAML spec, this product's included, reads the
    // text without its first break; v4 writes the empty line (and this product writes what v4 writes).
    const lostBreak = readable.filter((entry) => holdsTextStartingWithBreak(entry));
    expect(lostBreak).toHaveLength(LOST_BREAK_COUNT);
    for (const entry of readable) {
      const expected = modelOf(entry);
      const read = parseTalosconfig(entry.talosctl_1_11, 'talosctl-1.11');
      if (lostBreak.includes(entry)) expect(read).toEqual(withoutLeadingBreaks(expected));
      else expect(read).toEqual(expected);
    }
  });

  it('refuses a file with a context named "", as it always has', () => {
    const entry = golden.find(hasEmptyName) as GoldenEntry;
    expect(() => parseTalosconfig(entry.talosctl_1_12, 'talosctl-1.12')).toThrow(/empty name/);
  });
});
