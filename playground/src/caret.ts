/** Showing where in the template something failed, as compilers do. */
import type { Place } from './protocol.js';

/** Characters of a long line shown either side of the column (a minified template is one long line). */
const CONTEXT = 60;

/** The template line of `place` with a caret under its column, numbered like the editor's gutter. */
export function caretSnippet(template: string, place: Place): string {
  const lines = template.split(/\r\n|\r|\n/, place.line);
  const full = lines[place.line - 1] ?? '';
  const column = Math.min(Math.max(place.column - 1, 0), full.length);
  const start = Math.max(column - CONTEXT, 0);
  const end = Math.min(column + CONTEXT, full.length);
  const text = `${start > 0 ? '…' : ''}${full.slice(start, end)}${end < full.length ? '…' : ''}`;
  const number = String(place.line);
  // Tabs stay tabs under the caret line, so the caret lines up whatever the tab width.
  const pad = `${start > 0 ? ' ' : ''}${full.slice(start, column).replace(/[^\t]/g, ' ')}`;
  return `${number} | ${text}\n${' '.repeat(number.length)} | ${pad}^`;
}
