import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  contextBlocks,
  expectOneLineError,
  keys,
  mode,
  podSecretExists,
  text,
  useFileCli,
} from '../../support/file-cli.js';
import { ADMIN, FUTURE, NOROLES, SECRETS } from '../../support/talos-fixtures.js';

const cli = useFileCli('talcred-merge-');
const talcred = cli.run;

interface Plan {
  added: string[];
  renamed: { from: string; to: string }[];
  replaced: string[];
  skipped: string[];
  current: { from: string; to: string };
}

/** What talosctl writes for a merge of admin, then noroles, then futurerole (TALOS.md "Merge"). */
function talosctlMergeOfAllThree(): string {
  const future = contextBlocks(FUTURE).replace(
    '    future-role:\n',
    '    future-role:\n        endpoints: []\n',
  );
  const noRoles1 = contextBlocks(NOROLES).replace('    no-roles:\n', '    no-roles-1:\n');
  return `context: future-role\ncontexts:\n${future}${contextBlocks(ADMIN)}${noRoles1}`;
}

describe('talcred merge', () => {
  const renamedLine = 'renamed talosconfig context "no-roles" -> "no-roles-1"\n';

  it('merges real files as talosctl does, into a created 0700 folder and a 0600 file', () => {
    const target = join(cli.dir, 'new', 'talos', 'config');
    const result = talcred(['merge', ADMIN, NOROLES, FUTURE, '--into', target]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(renamedLine);
    expect(text(target)).toBe(talosctlMergeOfAllThree());
    expect(mode(target)).toBe(0o600);
    expect(mode(join(cli.dir, 'new'))).toBe(0o700);
    expect(mode(join(cli.dir, 'new', 'talos'))).toBe(0o700);
  });

  it('makes the incoming current context current under its new name, keeps it for "", clears it when missing', () => {
    const target = join(cli.dir, 'config');
    writeFileSync(target, text(NOROLES));
    const run = (from: string) =>
      JSON.parse(talcred(['merge', from, '--into', target, '--json']).stdout) as Plan;
    expect(run(ADMIN)).toMatchObject({ renamed: [{ from: 'no-roles', to: 'no-roles-1' }] });
    expect(text(target)).toMatch(/^context: no-roles-1\n/);

    const noCurrent = join(cli.dir, 'no-current.yaml');
    writeFileSync(noCurrent, text(FUTURE).replace('context: future-role', 'context: ""'));
    expect(run(noCurrent).current).toEqual({ from: 'no-roles-1', to: 'no-roles-1' });

    const ghost = join(cli.dir, 'ghost.yaml');
    writeFileSync(ghost, text(ADMIN).replace('context: no-roles', 'context: ghost'));
    expect(run(ghost).current).toEqual({ from: 'no-roles-1', to: '' });
    expect(text(target)).toMatch(/^context: ""\n/);
    expect(text(target)).toMatch(/^ {4}no-roles-2:$/m);
  });

  it('renames the same file merged twice, and with --dedupe changes nothing, byte for byte', () => {
    const target = join(cli.dir, 'config');
    // A comment talosctl would drop: proves that a merge that changes nothing does not rewrite the file.
    const original = `# my clusters\n${text(ADMIN)}`;
    writeFileSync(target, original);
    const deduped = talcred(['merge', ADMIN, '--into', target, '--dedupe', '--json']);
    expect(deduped.code).toBe(0);
    expect(deduped.stderr).toBe('');
    expect(JSON.parse(deduped.stdout)).toEqual({
      added: [],
      renamed: [],
      replaced: [],
      skipped: ['no-roles'],
      current: { from: 'no-roles', to: 'no-roles' },
    });
    expect(text(target)).toBe(original);

    const twice = talcred(['merge', ADMIN, '--into', target]);
    expect(twice.code).toBe(0);
    expect(twice.stderr).toBe(renamedLine);
    const renamedCopy = contextBlocks(ADMIN).replace('    no-roles:\n', '    no-roles-1:\n');
    expect(text(target)).toBe(`context: no-roles-1\ncontexts:\n${contextBlocks(ADMIN)}${renamedCopy}`);
  });

  it('prints the plan with --dry-run and writes nothing', () => {
    const absent = join(cli.dir, 'absent', 'config');
    const plan = talcred(['merge', ADMIN, NOROLES, '--into', absent, '--dry-run']);
    expect(plan.code).toBe(0);
    expect(plan.stderr).toBe('');
    expect(plan.stdout).toContain('nothing written');
    expect(plan.stdout).toMatch(/^add +no-roles$/m);
    expect(plan.stdout).toMatch(/^rename +no-roles -> no-roles-1$/m);
    expect(plan.stdout).toMatch(/^current +"" -> "no-roles-1"$/m);
    expect(existsSync(join(cli.dir, 'absent'))).toBe(false);

    const existing = join(cli.dir, 'config');
    writeFileSync(existing, text(NOROLES));
    const json = talcred(['merge', ADMIN, FUTURE, '--into', existing, '--dry-run', '--json']);
    const parsed = JSON.parse(json.stdout) as Plan;
    expect(keys(parsed)).toEqual(['added', 'current', 'renamed', 'replaced', 'skipped']);
    expect(keys(parsed.current)).toEqual(['from', 'to']);
    for (const entry of parsed.renamed) expect(keys(entry)).toEqual(['from', 'to']);
    expect(parsed).toEqual({
      added: ['future-role'],
      renamed: [{ from: 'no-roles', to: 'no-roles-1' }],
      replaced: [],
      skipped: [],
      current: { from: 'no-roles', to: 'future-role' },
    });
    expect(text(existing)).toBe(text(NOROLES));
  });

  it.skipIf(podSecretExists)(
    'merges into the file talosctl uses when --into is not given, creating it',
    () => {
      const fromEnv = join(cli.dir, 'env', 'talosconfig');
      const viaEnv = talcred(['merge', NOROLES], { env: { TALOSCONFIG: fromEnv } });
      expect(viaEnv.code).toBe(0);
      expect(text(fromEnv)).toBe(text(NOROLES));
      expect(mode(fromEnv)).toBe(0o600);
      expect(existsSync(join(cli.home, '.talos'))).toBe(false);

      expect(talcred(['merge', '-'], { input: text(ADMIN) }).code).toBe(0);
      const homeConfig = join(cli.home, '.talos', 'config');
      expect(text(homeConfig)).toBe(text(ADMIN));
      expect(mode(join(cli.home, '.talos'))).toBe(0o700);
    },
  );

  it('writes exactly what talosctl writes: a fixture merged into an empty target gives its own bytes', () => {
    for (const path of [ADMIN, NOROLES]) {
      const missing = join(cli.dir, 'missing.yaml');
      const empty = join(cli.dir, 'empty.yaml');
      writeFileSync(empty, 'context: ""\ncontexts: {}\n');
      expect(talcred(['merge', path, '--into', missing]).code).toBe(0);
      expect(talcred(['merge', path, '--into', empty]).code).toBe(0);
      expect(text(missing)).toBe(text(path));
      expect(text(empty)).toBe(text(path));
      rmSync(missing);
    }
    // The FutureRole fixture has no `endpoints` key; talosctl always writes one (TALOS.md).
    const target = join(cli.dir, 'future.yaml');
    expect(talcred(['merge', FUTURE, '--into', target]).code).toBe(0);
    expect(text(target)).toBe(
      text(FUTURE).replace('    future-role:\n', '    future-role:\n        endpoints: []\n'),
    );
  });

  it('changes nothing when one FROM file or the target is bad', () => {
    const badYaml = join(cli.dir, 'bad.yaml');
    writeFileSync(badYaml, 'context: a\ncontexts:\n  a: [\n');
    const target = join(cli.dir, 'config');
    writeFileSync(target, text(NOROLES));
    for (const from of [badYaml, SECRETS, join(cli.dir, 'missing.yaml')]) {
      expectOneLineError(talcred(['merge', ADMIN, from, FUTURE, '--into', target]), from);
      expect(text(target)).toBe(text(NOROLES));
      expectOneLineError(talcred(['merge', ADMIN, from, '--into', join(cli.dir, 'absent')]), from);
      expect(existsSync(join(cli.dir, 'absent'))).toBe(false);
    }
    expectOneLineError(talcred(['merge', ADMIN, '--into', badYaml]), badYaml);
    expect(text(badYaml)).toBe('context: a\ncontexts:\n  a: [\n');
  });
});
