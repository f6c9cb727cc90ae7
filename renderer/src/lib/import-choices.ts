import type { ImportChoice, ImportPreviewItem } from '../../../shared/contract/import-preview.js';
import { newContextNameMessage } from '../../../shared/talosconfig/field-messages.js';

/** What the user has chosen for one incoming context in the merge preview. */
export type RowChoice = { action: 'add'; to: string } | { action: 'skip' } | { action: 'replace' };

export function defaultChoice(item: ImportPreviewItem): RowChoice {
  return item.suggestion.action === 'skip' ? { action: 'skip' } : { action: 'add', to: item.suggestion.to };
}

/** The preview's words for a choice: "add", "rename to prod-1", "skip: identical to prod", "replace prod". */
export function describeChoice(item: ImportPreviewItem, choice: RowChoice): string {
  switch (choice.action) {
    case 'skip':
      return item.suggestion.action === 'skip' ? `skip: identical to ${item.suggestion.to}` : 'skip';
    case 'replace':
      return `replace ${item.from}`;
    case 'add':
      return choice.to === item.from ? 'add' : `rename to ${choice.to}`;
  }
}

/**
 * Each choice's problem, if any: a name that is invalid, taken in the vault, or chosen twice. No dead
 * ends: every problem can be solved by another name, a replace or a skip.
 */
export function choiceProblems(
  items: readonly ImportPreviewItem[],
  choices: ReadonlyMap<string, RowChoice>,
  vaultNames: ReadonlySet<string>,
): Map<string, string> {
  const problems = new Map<string, string>();
  const claimed = new Map<string, string>();
  for (const item of items) {
    const choice = choices.get(item.key) ?? defaultChoice(item);
    if (choice.action === 'skip') continue;
    const to = choice.action === 'add' ? choice.to : item.from;
    if (choice.action === 'add') {
      const message = newContextNameMessage(to);
      if (message !== null) {
        problems.set(item.key, message);
        continue;
      }
      if (vaultNames.has(to)) {
        problems.set(item.key, `“${to}” is taken in the vault: choose another name, replace it, or skip.`);
        continue;
      }
    }
    const other = claimed.get(to);
    if (other !== undefined) {
      problems.set(item.key, `“${to}” is also chosen for ${other}: choose another name or skip one.`);
      continue;
    }
    claimed.set(to, item.from);
  }
  return problems;
}

export function toImportChoices(
  items: readonly ImportPreviewItem[],
  choices: ReadonlyMap<string, RowChoice>,
): ImportChoice[] {
  return items.map((item) => {
    const choice = choices.get(item.key) ?? defaultChoice(item);
    return choice.action === 'add'
      ? { key: item.key, action: 'add', to: choice.to }
      : { key: item.key, action: choice.action };
  });
}
