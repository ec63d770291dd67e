/**
 * Where a reference ends in the template text (the parser records where it starts): `$a.b(…)[…]`,
 * `$!{a.b}`, with balanced brackets and quoted arguments. Fixes replace exact spans.
 */
export function referenceEnd(source: string, start: number): number {
  let i = start;
  if (source[i] !== '$') return start;
  i++;
  if (source[i] === '!') i++;
  const braced = source[i] === '{';
  if (braced) i++;
  const identifier = /[A-Za-z0-9_-]/;
  while (i < source.length && identifier.test(source[i]!)) i++;
  for (;;) {
    const c = source[i];
    if (c === '.' && /[A-Za-z_]/.test(source[i + 1] ?? '')) {
      i++;
      while (i < source.length && identifier.test(source[i]!)) i++;
    } else if (c === '(' || c === '[') {
      const close = balanced(source, i);
      if (close < 0) return source.length;
      i = close + 1;
    } else break;
  }
  if (braced && source[i] === '}') i++;
  return i;
}

/** The index of the bracket that closes the one at `open`, skipping quoted strings; -1 if none. */
function balanced(source: string, open: number): number {
  const stack: string[] = [];
  for (let i = open; i < source.length; i++) {
    const c = source[i]!;
    if (c === '"' || c === "'") {
      const end = source.indexOf(c, i + 1);
      if (end < 0) return -1;
      i = end;
    } else if (c === '(' || c === '[' || c === '{') stack.push(c === '(' ? ')' : c === '[' ? ']' : '}');
    else if (c === ')' || c === ']' || c === '}') {
      if (stack.pop() !== c) return -1;
      if (stack.length === 0) return i;
    }
  }
  return -1;
}
