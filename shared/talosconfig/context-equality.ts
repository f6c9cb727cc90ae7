import type { TalosContext, UnknownField } from './model.js';

/**
 * True when two contexts hold the same content, whatever their names: every field, unknown fields
 * included (their place too). Used by merge's duplicate detection (siderolabs/talos #6023, #7217).
 */
export function sameContextContent(a: TalosContext, b: TalosContext): boolean {
  return (
    sameList(a.endpoints, b.endpoints) &&
    sameList(a.nodes, b.nodes) &&
    a.ca === b.ca &&
    a.crt === b.crt &&
    a.key === b.key &&
    (a.cluster ?? '') === (b.cluster ?? '') &&
    (a.proxyUrl ?? '') === (b.proxyUrl ?? '') &&
    a.auth?.basic?.username === b.auth?.basic?.username &&
    a.auth?.basic?.password === b.auth?.basic?.password &&
    a.auth?.siderov1?.identity === b.auth?.siderov1?.identity &&
    sameUnknownFields(a.extra, b.extra)
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

function sameUnknownFields(a: readonly UnknownField[], b: readonly UnknownField[]): boolean {
  return (
    a.length === b.length &&
    a.every((field, index) => {
      const other = b[index];
      return (
        other !== undefined &&
        field.key === other.key &&
        field.after === other.after &&
        sameJson(field.value, other.value)
      );
    })
  );
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => sameJson(item, b[i]))
    );
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const aKeys = Object.keys(a);
  const bRecord = b as Record<string, unknown>;
  return (
    aKeys.length === Object.keys(b).length &&
    aKeys.every((key) => Object.hasOwn(b, key) && sameJson((a as Record<string, unknown>)[key], bRecord[key]))
  );
}
