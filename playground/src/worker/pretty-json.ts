/**
 * Re-indents JSON text without parsing its values: strings and numbers keep their exact characters, so
 * the pretty view never shows a number JavaScript would round (`12345678901234567890`) or a key order
 * or duplicate key that parsing would lose. Undefined when the text is not JSON.
 */
/** Deeper than this, indentation would outgrow the text (its size grows with depth squared): shown raw. */
const MAX_PRETTY_DEPTH = 100;

export function prettyJson(text: string, indent = '  '): string | undefined {
  try {
    JSON.parse(text);
  } catch {
    return undefined;
  }
  const out: string[] = [];
  let depth = 0;
  let i = 0;
  const n = text.length;
  const newline = (): void => {
    out.push('\n', indent.repeat(depth));
  };
  while (i < n) {
    const c = text[i]!;
    if (c === '"') {
      // A string, copied verbatim up to its closing quote (JSON.parse accepted it, so it is closed).
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out.push(text.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      let j = i + 1;
      while (j < n && /[ \t\n\r]/.test(text[j]!)) j++;
      if (text[j] === close) {
        out.push(c, close);
        i = j + 1;
        continue;
      }
      out.push(c);
      if (++depth > MAX_PRETTY_DEPTH) return undefined;
      newline();
    } else if (c === '}' || c === ']') {
      depth--;
      newline();
      out.push(c);
    } else if (c === ',') {
      out.push(',');
      newline();
    } else if (c === ':') {
      out.push(': ');
    } else {
      // A number or literal: up to the next structural character or whitespace.
      let j = i + 1;
      while (j < n && !/[\s,:{}[\]"]/.test(text[j]!)) j++;
      out.push(text.slice(i, j));
      i = j;
      continue;
    }
    i++;
  }
  return out.join('');
}
