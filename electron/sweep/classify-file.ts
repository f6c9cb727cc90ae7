import type { FoundKind } from '../../shared/contract/sweep-contract.js';
import type { TalosConfig } from '../../shared/talosconfig/model.js';
import { parseTalosconfig } from '../../shared/talosconfig/parse.js';
import { TalosconfigError } from '../../shared/talosconfig/talosconfig-error.js';
import { readYamlTree } from '../../shared/talosconfig/yaml-tree.js';
import { readYamlDocuments } from '../pki/read-yaml.js';
import { fieldAt as field } from '../pki/yaml-field.js';

/** Secrets bundles and machine configs are a few KiB, talosconfigs a few KiB a context: read no more. */
export const MAX_SWEPT_FILE_BYTES = 1024 * 1024;

/** How much of a file the sniff looks at before deciding whether to read the rest. */
export const SNIFF_BYTES = 64 * 1024;

/**
 * The top-level keys every credential kind opens with: talosctl writes `context:` then `contexts:`, a
 * secrets bundle puts `certs:` after a few hundred bytes of cluster secrets, a machine config starts
 * `version:`, `debug:`, `persist:`, `machine:`. All fall well inside the first 64 KiB, so a file whose head
 * lacks every marker (or holds a NUL byte: binary) is passed over without reading the rest.
 */
const CONTEXTS = Buffer.from('contexts:');
const MARKERS = [CONTEXTS, Buffer.from('certs:'), Buffer.from('machine:')];
const KEY = Buffer.from('key:');

function atLineStart(bytes: Uint8Array, marker: Uint8Array): boolean {
  const buffer = Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = buffer.indexOf(marker); at !== -1; at = buffer.indexOf(marker, at + 1)) {
    if (at === 0 || buffer[at - 1] === 0x0a) return true;
  }
  return false;
}

/** The cheap test run on every file's first bytes: could it be one of the three kinds? */
export function mayHoldCredential(head: Uint8Array): boolean {
  if (head.includes(0)) return false;
  return MARKERS.some((marker) => atLineStart(head, marker));
}

export type Classified =
  | { kind: 'talosconfig'; config: TalosConfig }
  | { kind: Exclude<FoundKind, 'talosconfig'> }
  /** Looked like a credential but broke a parser limit (aliases, nesting, size): reported, not read. */
  | { kind: 'unparsable'; message: string }
  | null;

/** Limits a hostile file hits; a plain syntax error only means the file is something else. */
const HOSTILE: ReadonlySet<string> = new Set([
  'too-deep',
  'too-many-aliases',
  'too-large-expanded',
  'too-large',
]);

const filled = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';

/** A secrets bundle's `certs` holds CA keys (`os`, `etcd`, `k8s`, …; TALOS.md "The OS CA and where it lives"). */
function bundleHoldsKey(document: unknown): boolean {
  const certs = field(document, ['certs']);
  if (typeof certs !== 'object' || certs === null) return false;
  return Object.values(certs).some((entry) => filled(field(entry, ['key'])));
}

/**
 * What a candidate file (one that passed `mayHoldCredential`) is: a talosconfig with at least one client
 * key, a secrets bundle with a CA key, a control-plane machine config (`machine.ca.key`; a worker's has
 * none), or null. Parsed with the parsers' own limits; messages name the file, never its content.
 */
export function classifyCredential(bytes: Uint8Array, path: string): Classified {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!buffer.includes(KEY)) return null;
  if (atLineStart(buffer, CONTEXTS)) {
    try {
      const config = parseTalosconfig(bytes, path);
      return config.contexts.some((context) => context.key !== '') ? { kind: 'talosconfig', config } : null;
    } catch (error) {
      if (error instanceof TalosconfigError && HOSTILE.has(error.code)) {
        return { kind: 'unparsable', message: error.message };
      }
      // Not a talosconfig (a kubeconfig's `contexts:` is a list): it may still be one of the others.
    }
  }
  const text = buffer.toString('utf8');
  try {
    // The talosconfig reader's limits (flow nesting counted before parsing, aliases, expanded size) screen
    // the file first; machine configs may hold several documents, which it refuses and the next reads.
    readYamlTree(text, path);
  } catch (error) {
    if (!(error instanceof TalosconfigError)) return null;
    if (HOSTILE.has(error.code)) return { kind: 'unparsable', message: error.message };
    if (error.code !== 'multiple-documents') return null;
  }
  let documents: unknown[];
  try {
    documents = readYamlDocuments(text, path, MAX_SWEPT_FILE_BYTES);
  } catch {
    return null;
  }
  if (documents.some(bundleHoldsKey)) return { kind: 'secrets-bundle' };
  if (documents.some((document) => filled(field(document, ['machine', 'ca', 'key'])))) {
    return { kind: 'machine-config' };
  }
  return null;
}
