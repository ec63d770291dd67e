/**
 * The `--format json` document: an array of one entry per template, as the command shapes it. One
 * writer for every command, so the documents agree in layout, and in what a missing value is (`null`,
 * never a dropped key: a consumer can rely on every field being there).
 */

/** Replaces `undefined` by `null`, at any depth, so no key silently disappears from an entry. */
function present(_key: string, value: unknown): unknown {
  return value === undefined ? null : value;
}

/**
 * The entries as JSON text (two-space indent, a final newline). Text that JSON cannot carry raw (lone
 * surrogates in a counterexample) comes out escaped, so the document is always valid UTF-8.
 */
export function toJsonReport(entries: readonly object[]): string {
  return `${JSON.stringify(entries, present, 2)}\n`;
}
