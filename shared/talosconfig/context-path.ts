import { quoteName } from '../quote-name.js';

/**
 * A context's place in a talosconfig as messages and findings name it: `contexts.prod`, or quoted when the
 * name could be misread (dots, spaces, line breaks: a received file chooses its names).
 */
export function contextPath(name: string): string {
  return /^[\w@:-]{1,64}$/.test(name) ? `contexts.${name}` : `contexts[${quoteName(name)}]`;
}
