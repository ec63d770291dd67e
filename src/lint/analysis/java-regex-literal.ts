/**
 * When a Java regex or replacement string stands for plain text: `\'` as a regex matches `'`, and `\'`
 * as a replacement inserts `'` — which is how `.replaceAll("\'", "'")` (Velocity keeps the backslash in
 * a string literal) ends up replacing every apostrophe with itself.
 */
const META = new Set([...'\\^$.|?*+()[]{}']);

/** The text a regex matches when it matches only one text; undefined for a real pattern. */
export function regexLiteralText(regex: string): string | undefined {
  if (regex.startsWith('\\Q')) {
    const end = regex.indexOf('\\E');
    return end < 0 ? regex.slice(2) : end + 2 === regex.length ? regex.slice(2, end) : undefined;
  }
  let out = '';
  for (let i = 0; i < regex.length; i++) {
    const c = regex[i]!;
    if (c === '\\') {
      const next = regex[i + 1];
      // `\d`, `\n`, `\t`, `\u0041`…: letters and digits after a backslash are classes or escapes.
      if (next === undefined || /[A-Za-z0-9]/.test(next)) return undefined;
      out += next;
      i++;
    } else if (META.has(c)) return undefined;
    else out += c;
  }
  return out;
}

/** The text a replacement inserts when it has no group references (`$1`, `${name}`); undefined otherwise. */
export function replacementText(replacement: string): string | undefined {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i]!;
    if (c === '\\') {
      if (i + 1 >= replacement.length) return undefined; // Java throws: a trailing backslash
      out += replacement[++i];
    } else if (c === '$') return undefined;
    else out += c;
  }
  return out;
}
