/**
 * Splits a Jayway JsonPath (`$.a['b'][0]`, `$.items[*].id`, `$..price`, `$.a[?(@.x > 1)]`) into segments,
 * to tell definite paths (a single value) from indefinite ones (always a list, as Jayway returns them).
 */
export type PathSegment =
  | { kind: 'property'; name: string }
  | { kind: 'index'; index: number }
  /** Several names in one bracket: Jayway returns a map of those keys. */
  | { kind: 'properties'; names: string[] }
  | { kind: 'wildcard' }
  | { kind: 'deep' }
  | { kind: 'other'; text: string };

export interface ParsedPath {
  segments: PathSegment[];
  /** True when the path can only ever select one value (Jayway's definite path). */
  definite: boolean;
  /** The path normalised for jsonpath-plus. */
  normalized: string;
}

export class JsonPathSyntaxError extends Error {
  override readonly name = 'JsonPathSyntaxError';
}

function readQuoted(path: string, i: number): [string, number] {
  const quote = path[i]!;
  let out = '';
  let j = i + 1;
  while (j < path.length && path[j] !== quote) {
    if (path[j] === '\\' && j + 1 < path.length) {
      out += path[j + 1];
      j += 2;
    } else {
      out += path[j++];
    }
  }
  if (j >= path.length) throw new JsonPathSyntaxError(`unterminated quote in path ${path}`);
  return [out, j + 1];
}

/** The matching `]` for a `[` at `i`, skipping quotes and nested brackets/parentheses. */
function closingBracket(path: string, i: number): number {
  let depth = 0;
  for (let j = i; j < path.length; j++) {
    const c = path[j];
    if (c === "'" || c === '"') {
      j = readQuoted(path, j)[1] - 1;
    } else if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') {
      depth--;
      if (depth === 0 && c === ']') return j;
    }
  }
  throw new JsonPathSyntaxError(`unclosed '[' in path ${path}`);
}

export function parseJsonPath(input: string): ParsedPath {
  if (input.trim() === '') throw new JsonPathSyntaxError('path can not be null or empty');
  let path = input.trim();
  if (!path.startsWith('$')) path = '$.' + path;
  const segments: PathSegment[] = [];
  let i = 1;
  while (i < path.length) {
    const c = path[i];
    if (c === '.') {
      if (path[i + 1] === '.') {
        segments.push({ kind: 'deep' });
        i += 2;
        if (path[i] === '[') continue;
      } else {
        i++;
      }
      if (path[i] === '*') {
        segments.push({ kind: 'wildcard' });
        i++;
        continue;
      }
      let j = i;
      while (j < path.length && path[j] !== '.' && path[j] !== '[') j++;
      const name = path.slice(i, j);
      if (name === '' || /\s/.test(name)) throw new JsonPathSyntaxError(`invalid property '${name}' in path ${input}`);
      segments.push({ kind: 'property', name });
      i = j;
    } else if (c === '[') {
      const end = closingBracket(path, i);
      const inner = path.slice(i + 1, end).trim();
      i = end + 1;
      if (inner === '*') segments.push({ kind: 'wildcard' });
      else if (/^-?\d+$/.test(inner)) segments.push({ kind: 'index', index: Number(inner) });
      else if (/^(['"]).*\1$/s.test(inner)) {
        const names: string[] = [];
        let j = 0;
        while (j < inner.length) {
          const [name, next] = readQuoted(inner, j);
          names.push(name);
          j = next;
          while (j < inner.length && (inner[j] === ' ' || inner[j] === ',')) j++;
        }
        segments.push(names.length === 1 ? { kind: 'property', name: names[0]! } : { kind: 'properties', names });
      } else {
        segments.push({ kind: 'other', text: inner });
      }
    } else {
      throw new JsonPathSyntaxError(`unexpected '${c}' in path ${input}`);
    }
  }
  const definite = segments.every((s) => s.kind === 'property' || s.kind === 'index');
  return { segments, definite, normalized: path };
}
