import { readFileSync } from 'node:fs';
import type { TalosConfig, TalosContext } from '../shared/talosconfig/model.js';
import { parseTalosconfig } from '../shared/talosconfig/parse.js';

/** A real Talos context (tests/fixtures/talos), copied under many names: realistic field sizes. */
export function realContext(): TalosContext {
  const config = parseTalosconfig(
    readFileSync('tests/fixtures/talos/talosconfig-admin-2021.yaml', 'utf8'),
    'fixture',
  );
  const context = config.contexts[0];
  if (!context) throw new Error('fixture has no context');
  return context;
}

export function configWith(count: number): TalosConfig {
  const base = realContext();
  const contexts = Array.from({ length: count }, (_, index) => ({
    ...base,
    name: `cluster-${String(index).padStart(4, '0')}`,
    endpoints: [`10.0.${Math.floor(index / 250)}.${index % 250}`],
  }));
  return { context: contexts[0]?.name ?? '', contexts, extra: [] };
}
