/**
 * Limits against hostile input (DESIGN.md "Errors and bad input"). A real talosconfig is a few KiB per
 * context; these bounds leave room for thousands of contexts and still refuse a "billion laughs" file or a
 * deeply nested one before it costs time or memory.
 */

/** Largest file accepted, in bytes of UTF-8. */
export const maxTalosconfigBytes = 16 * 1024 * 1024;

/** Alias dereferences allowed while reading one document. */
export const maxAliasCount = 100;

/** Nodes an alias may expand to in total, so a few aliases of a huge node cannot multiply memory. */
export const maxAliasExpandedNodes = 100_000;

/** Collections nested inside each other (the top-level mapping counts as 1). */
export const maxNestingDepth = 64;

/**
 * Text (keys and scalar values, in UTF-16 units) one parse may yield. Without aliases a file yields at most
 * its own size; an alias repeats its target, so an 8 MiB value aliased 40 times would yield 320 MiB, all of
 * it kept (unknown fields are kept expanded) and written into the vault, past what the vault reader takes.
 */
export const maxExpandedText = maxTalosconfigBytes;
