/**
 * Java replacement strings (`Matcher.appendReplacement`): `$n` (as many digits as still name a group),
 * `${name}`, `\x` for a literal x. Java reads the replacement only while replacing a match, so a malformed
 * one fails only when the pattern matched; the parse is therefore done on the first match, with Java's
 * exact exception classes and messages.
 */
import { JavaException } from '../exceptions.js';

/** Literal text, or the number of a group whose text is inserted. */
export type ReplacementPart = string | number;

const iae = (message: string) => new JavaException('java.lang.IllegalArgumentException', message);
const isAsciiAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

export function parseReplacement(replacement: string, groupCount: number, names: ReadonlyMap<string, number>): ReplacementPart[] {
  const parts: ReplacementPart[] = [];
  let text = '';
  const n = replacement.length;
  let i = 0;
  while (i < n) {
    const ch = replacement.charCodeAt(i);
    if (ch === 92) {
      i++;
      if (i === n) throw iae('character to be escaped is missing');
      text += replacement[i];
      i++;
    } else if (ch === 36) {
      i++;
      if (i === n) throw iae('Illegal group reference: group index is missing');
      let group: number;
      if (replacement.charCodeAt(i) === 123) {
        i++;
        const start = i;
        while (i < n && isAsciiAlnum(replacement.charCodeAt(i))) i++;
        if (i === start) throw iae('named capturing group has 0 length name');
        if (i === n || replacement.charCodeAt(i) !== 125) throw iae("named capturing group is missing trailing '}'");
        const name = replacement.slice(start, i);
        const c0 = name.charCodeAt(0);
        if (c0 >= 48 && c0 <= 57) throw iae(`capturing group name {${name}} starts with digit character`);
        const index = names.get(name);
        if (index === undefined) throw iae(`No group with name {${name}}`);
        group = index;
        i++;
      } else {
        group = replacement.charCodeAt(i) - 48;
        if (group < 0 || group > 9) throw iae('Illegal group reference');
        i++;
        while (i < n) {
          const d = replacement.charCodeAt(i) - 48;
          if (d < 0 || d > 9) break;
          const next = group * 10 + d;
          if (next > groupCount) break;
          group = next;
          i++;
        }
        if (group > groupCount) throw new JavaException('java.lang.IndexOutOfBoundsException', `No group ${group}`);
      }
      if (text) parts.push(text);
      text = '';
      parts.push(group);
    } else {
      text += replacement[i];
      i++;
    }
  }
  if (text) parts.push(text);
  return parts;
}
