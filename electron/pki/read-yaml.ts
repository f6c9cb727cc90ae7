import { parseAllDocuments } from 'yaml';
import { PkiError } from './pki-error.js';

/** Aliases are legal YAML but no Talos file uses many; a cap stops "billion laughs" expansion. */
const MAX_ALIASES = 100;

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index >= 0 && index < offset; index = text.indexOf('\n', index + 1)) {
    line += 1;
  }
  return line;
}

/**
 * Every document of a YAML stream as plain data, with limits (size, aliases, duplicate keys refused).
 * Errors name the file and line but never quote it: these files hold private keys (`prettyErrors` would
 * copy the offending line into the message).
 */
export function readYamlDocuments(text: string, file: string, maxChars: number): unknown[] {
  if (text.length > maxChars) {
    throw new PkiError(
      'invalid-ca-source',
      `${file}: larger than ${Math.round(maxChars / 1024)} KiB; not a Talos secrets bundle or machine config`,
    );
  }
  try {
    const parsed = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true });
    const documents = Array.isArray(parsed) ? parsed : [];
    for (const document of documents) {
      const error = document.errors[0];
      if (error !== undefined) {
        throw new PkiError(
          'invalid-yaml',
          `${file}: not valid YAML at line ${lineOf(text, error.pos[0])} (${error.code}); check the file is a Talos secrets bundle or machine config`,
        );
      }
    }
    return documents.map((document) => document.toJS({ maxAliasCount: MAX_ALIASES }) as unknown);
  } catch (error) {
    if (error instanceof PkiError) throw error;
    // toJS throws on too many aliases; deep nesting can exhaust the stack. Neither message holds content.
    throw new PkiError(
      'invalid-yaml',
      `${file}: cannot be read as YAML (too many aliases or too deeply nested)`,
    );
  }
}
