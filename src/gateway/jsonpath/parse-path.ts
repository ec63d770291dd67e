/**
 * Jayway JsonPath 2.0.0's path compiler, as API Gateway runs it: a path is cut into fragments (`$`, `..`,
 * `['name']`, `[…]`), and each fragment is analysed into one segment. The quirks are Jayway's and are kept
 * on purpose, because templates written against AWS depend on them:
 *
 * - a path not starting with `$` or `@` gets `$.` in front; `@` is read as `$`;
 * - a dot name runs to the next `.`, `[` or space, and is then read as the bracket `['name']` (so quotes
 *   and `]` inside it behave as they would in a bracket);
 * - inside a bracket, the first `'`, `?`, digit/`:`/`-`/`@` decides what the bracket is, and characters
 *   before it are skipped (`[x'a']` is `['a']`); names have no escapes; double quotes are not quotes;
 * - `[(@.length-n)]` / `[(@.size()-n)]` are the only script expressions: an index counted from the end.
 *
 * Errors are {@link JsonPathSyntaxError} with Jayway's message, wrapped the way Jayway wraps them
 * (`com.jayway.jsonpath.InvalidPathException: …` once per compile the error crossed).
 */
import { parseFilter, type FilterNode } from './filter.js';
import { javaTrim } from '../../java/java-trim.js';

export type PathSegment =
  | { kind: 'property'; name: string }
  | { kind: 'index'; index: number }
  /** Zero or several names in one bracket: a map of the keys present (only as the last segment). */
  | { kind: 'properties'; names: string[] }
  | { kind: 'wildcard' }
  | { kind: 'deep' }
  /** `[a,b]`: several indexes; one out of range makes the whole path not found (Jayway 2.0). */
  | { kind: 'indexes'; indexes: number[] }
  /** `[a:]`, `[:b]`, `[a:b]`. */
  | { kind: 'slice'; from: number | undefined; to: number | undefined }
  /** `[(@.length-n)]`: the index `length - n`, found per array. */
  | { kind: 'fromEnd'; offset: number }
  /** `[?(…)]`. */
  | { kind: 'filter'; filter: FilterNode; text: string };

export interface ParsedPath {
  segments: PathSegment[];
  /** True when the path can only ever select one value (Jayway's definite path): no list is made. */
  definite: boolean;
  /** Index of the first segment that can select several values (`segments.length` when none). */
  firstIndefinite: number;
  /** The path began with `$` (not `@`): inside a filter, it reads the document root. */
  rooted: boolean;
  /** The path text as Jayway compiled it (for messages). */
  text: string;
}

/** An invalid path: `$input.path` turns it into Jayway's `InvalidPathException`. */
export class JsonPathSyntaxError extends Error {
  override readonly name = 'JsonPathSyntaxError';
}

/**
 * A Java exception raised while compiling, before Jayway's outer `catch (Exception e)` wraps it.
 * @internal
 */
export class CompileFailure extends Error {
  constructor(
    readonly javaClass: string,
    readonly detail: string,
  ) {
    super(`${javaClass}: ${detail}`);
  }
}

const INVALID_PATH = 'com.jayway.jsonpath.InvalidPathException';

function invalid(detail: string): CompileFailure {
  return new CompileFailure(INVALID_PATH, detail);
}

/** `String.charAt` past the end, as Java reports it. */
function charAt(s: string, i: number): string {
  if (i < 0 || i >= s.length) throw new CompileFailure('java.lang.StringIndexOutOfBoundsException', `String index out of range: ${i}`);
  return s[i]!;
}

/** `Integer.parseInt`. */
export function parseJavaInt(text: string): number {
  if (/^[+-]?\d+$/.test(text)) {
    const n = Number(text);
    if (n >= -2147483648 && n <= 2147483647) return n === 0 ? 0 : n;
  }
  throw new CompileFailure('java.lang.NumberFormatException', `For input string: "${text}"`);
}

/**
 * Compiles a path as `JsonPath.compile(path)` does.
 * @throws JsonPathSyntaxError with Jayway's message when the path is invalid
 */
export function parseJsonPath(input: string): ParsedPath {
  if (javaTrim(input) === '') throw new JsonPathSyntaxError('Path may not be null empty');
  try {
    return compile(javaTrim(input));
  } catch (e) {
    if (e instanceof CompileFailure) throw new JsonPathSyntaxError(e.message);
    if (e instanceof JsonPathSyntaxError) throw new JsonPathSyntaxError(`${INVALID_PATH}: ${e.message}`);
    throw e;
  }
}

function compile(trimmed: string): ParsedPath {
  if (trimmed.endsWith('..')) throw invalid('A path can not end with a scan.');
  let path = trimmed;
  if (path[0] !== '$' && path[0] !== '@') path = '$.' + path;
  const rooted = path[0] === '$';
  if (path[0] === '@') path = '$' + path.slice(1);
  if (path.length > 1 && path[1] !== '.' && path[1] !== '[') throw invalid('Invalid path ' + path);

  const segments: PathSegment[] = [];
  let i = 0;
  let first = true;
  while (i < path.length) {
    const c = path[i]!;
    let fragment: string | undefined;
    if (c === ' ') throw invalid('Space not allowed in path');
    if (c === '$') {
      fragment = '$';
      i++;
    } else if (c === '[') {
      const n = untilClosed(path, i);
      fragment = path.slice(i, i + n);
      i += n;
    } else if (c === '.') {
      i++;
      if (charAt(path, i) === '.') {
        fragment = '..';
        i++;
      } else {
        const n = nameLength(path, i);
        // `$.[0]`: an empty dot name is skipped.
        if (n !== 0) fragment = n === 1 && path[i] === '*' ? '[*]' : `['${path.slice(i, i + n)}']`;
        i += n;
      }
    } else if (c === '*') {
      fragment = '[*]';
      i++;
    } else {
      const n = nameLength(path, i);
      fragment = `['${path.slice(i, i + n)}']`;
      i += n;
    }
    if (fragment === undefined) continue;
    if (first) {
      // Jayway casts the first component to the root token; any other start fails that cast.
      if (fragment !== '$') throw new CompileFailure('java.lang.ClassCastException', 'the path does not start at the root');
      first = false;
      continue;
    }
    segments.push(analyze(fragment));
  }
  let firstIndefinite = segments.findIndex((s) => !(s.kind === 'property' || s.kind === 'properties' || s.kind === 'index' || s.kind === 'fromEnd'));
  if (firstIndefinite < 0) firstIndefinite = segments.length;
  return { segments, definite: firstIndefinite === segments.length, firstIndefinite, rooted, text: path };
}

/** Characters of a dot name: up to the next `.`, `[` or space. */
function nameLength(path: string, start: number): number {
  let j = start;
  while (j < path.length && path[j] !== '.' && path[j] !== '[' && path[j] !== ' ') j++;
  return j - start;
}

/** Length of a bracket fragment starting at `[`: counts brackets only (quotes are not special here). */
function untilClosed(path: string, start: number): number {
  let n = 1;
  let depth = 0;
  let i = start + 1;
  while (i < path.length) {
    const c = path[i++]!;
    n++;
    if (c === ']' && depth === 0) break;
    if (c === '[') depth++;
    if (c === ']') depth--;
  }
  return n;
}

/** Jayway's `^\[\s*\?\s*[,\s*\?]*?\s*]$` (`[?]`, `[?, ?]`), tested without a backtracking regex. */
function isPlaceholder(fragment: string): boolean {
  if (fragment[0] !== '[' || fragment[fragment.length - 1] !== ']') return false;
  const inner = fragment.slice(1, -1);
  if (inner.trimStart()[0] !== '?') return false;
  for (const c of inner) if (c !== ',' && c !== '*' && c !== '?' && c.trim() !== '') return false;
  return true;
}

function analyze(fragment: string): PathSegment {
  if (fragment === '..') return { kind: 'deep' };
  if (fragment === '[*]') return { kind: 'wildcard' };
  if (fragment === '$') throw invalid('Could not analyze path component: $');
  if (isPlaceholder(fragment)) {
    // `[?]` takes its filter from the arguments of JsonPath.compile, which API Gateway never passes.
    throw invalid(`Placeholder filter ${fragment} has no filter to use`);
  }
  for (let i = 0; i < fragment.length; i++) {
    const c = fragment[i]!;
    if (c === "'") return properties(fragment, i);
    if (c === '?') return filterSegment(fragment, i);
    if ((c >= '0' && c <= '9') || c === ':' || c === '-' || c === '@') return arraySequence(fragment, i);
  }
  throw invalid('Could not analyze path component: ' + fragment);
}

/** Quoted names up to the first `]` (even one inside quotes); text outside quotes is ignored. */
function properties(fragment: string, start: number): PathSegment {
  const names: string[] = [];
  let name = '';
  let quoted = false;
  let i = start;
  let c = fragment[i]!;
  while (c !== ']') {
    if (c === "'") {
      if (quoted) {
        names.push(name);
        name = '';
      }
      quoted = !quoted;
    } else if (quoted) {
      name += c;
    }
    c = charAt(fragment, ++i);
  }
  return names.length === 1 ? { kind: 'property', name: names[0]! } : { kind: 'properties', names };
}

/** `[?(…)]`: the filter's text runs to the first `]` outside quotes and parentheses. */
function filterSegment(fragment: string, at: number): PathSegment {
  let start = at;
  while (fragment[start] !== '[') start--;
  let end = 0;
  let previous = ' ';
  let quoted = false;
  let brackets = 0;
  let parens = 0;
  for (let i = start; end === 0; i++) {
    const c = charAt(fragment, i);
    if (c === "'") {
      if (previous !== '\\') quoted = !quoted;
    } else if (!quoted) {
      if (c === '(') parens++;
      else if (c === ')') parens--;
      else if (c === '[') brackets++;
      else if (c === ']') {
        brackets--;
        if (parens === 0) end = i + 1;
      }
    }
    previous = c;
  }
  if (parens !== 0 || brackets !== 0) throw invalid('Filter brackets are not balanced');
  const text = fragment.slice(start, end);
  return { kind: 'filter', filter: parseFilter(text), text };
}

function arraySequence(fragment: string, start: number): PathSegment {
  if (fragment[start] === '@') return fromEnd(fragment, start);
  const close = fragment.indexOf(']', start);
  const sequence = fragment.slice(start, close < 0 ? fragment.length : close);
  if (sequence.includes(',')) {
    return { kind: 'indexes', indexes: sequence.split(',').map((s) => parseJavaInt(s.trim())) };
  }
  if (sequence.includes(':')) {
    const trimmed = sequence.trim();
    if (trimmed.startsWith(':')) return { kind: 'slice', from: undefined, to: parseJavaInt(trimmed.slice(1).trim()) };
    const parts = trimmed.split(':');
    if (trimmed.endsWith(':') && parts.length === 2) return { kind: 'slice', from: parseJavaInt(parts[0]!.trim()), to: undefined };
    return { kind: 'slice', from: parseJavaInt(parts[0]!.trim()), to: parseJavaInt(parts[1]!.trim()) };
  }
  return { kind: 'index', index: parseJavaInt(sequence.trim()) };
}

/** `(@.length - n)` / `(@.size() - n)`: Jayway 2.0's only script expressions. */
function fromEnd(fragment: string, start: number): PathSegment {
  const m = /^@\.(\w*)/.exec(fragment.slice(start));
  const fn = m?.[1] ?? '';
  if (fn !== 'length' && fn !== 'size') {
    throw invalid(`Invalid function: @.${fn}. Supported functions are: [(@.length - n)] and [(@.size() - n)]`);
  }
  let i = start;
  while (charAt(fragment, i) !== '-') i++;
  i++;
  while (charAt(fragment, i) === ' ') i++;
  let digits = '';
  while (i < fragment.length && fragment[i]! >= '0' && fragment[i]! <= '9') digits += fragment[i++];
  return { kind: 'fromEnd', offset: -parseJavaInt(digits) };
}
