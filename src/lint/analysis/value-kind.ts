/**
 * What kind of Java value an expression gives, when the template alone says so: a string, a map, a
 * list, a number. Enough for the rules that ask "is this printed map JSON?" or "does #foreach iterate
 * this?"; anything the template cannot tell (a body field, a loop variable) is `unknown`.
 */
import { parseJsonPath } from '../../gateway/jsonpath/parse-path.js';
import type { Expression, Reference } from '../../vtl/ast.js';
import type { ModelShapes } from './model-shapes.js';

/**
 * `list` prints as Java's `[a, b]` (a list built in the template, a split, a key set); `jsonList` is a
 * JSON array read from the body, which API Gateway prints as compact JSON.
 */
export type ValueKind = 'string' | 'map' | 'list' | 'jsonList' | 'number' | 'boolean' | 'unknown';

/** String methods whose result is a string again. */
const STRING_METHODS = new Set([
  'toString', 'trim', 'toLowerCase', 'toUpperCase', 'substring', 'replace', 'replaceAll', 'replaceFirst', 'concat', 'strip', 'repeat',
  'intern', 'stripLeading', 'stripTrailing',
]);
const NUMBER_METHODS = new Set(['length', 'size', 'indexOf', 'lastIndexOf', 'compareTo', 'hashCode', 'intValue', 'longValue', 'doubleValue']);
const BOOLEAN_METHODS = new Set(['isEmpty', 'contains', 'containsKey', 'containsValue', 'startsWith', 'endsWith', 'equals', 'equalsIgnoreCase', 'matches', 'hasNext']);

const UTIL_STRINGS = new Set(['escapeJavaScript', 'urlEncode', 'urlDecode', 'base64Encode', 'base64Decode']);
/** `$input.params()` parts, each a map of names to strings. */
const PARAMETER_MAPS = new Set(['path', 'querystring', 'header']);
/** `$context` members that are maps; the others print as strings. */
const CONTEXT_MAPS = new Set(['identity', 'authorizer', 'requestOverride', 'responseOverride']);

/** Variables whose kind the template fixes (every `#set` of them gives the same kind). */
export type KnownVariables = ReadonlyMap<string, ValueKind>;

export function literalString(e: Expression | undefined): string | undefined {
  return e?.kind === 'literal' && typeof e.value === 'string' ? e.value : undefined;
}

/** Whether a JSONPath selects several values (a list): wildcards, deep scans, filters, slices, unions. */
export function selectsList(path: string): boolean {
  try {
    return parseJsonPath(path).segments.some((s) => s.kind !== 'property' && s.kind !== 'index');
  } catch {
    return false;
  }
}

function rootKind(r: Reference, variables: KnownVariables, models: ModelShapes | undefined): { kind: ValueKind; from: number } {
  const [first, second] = r.steps;
  if (r.root === 'input' && first?.kind === 'method') {
    const arg = literalString(first.args[0]);
    if (first.name === 'json' || (first.name === 'params' && first.args.length === 1)) return { kind: 'string', from: 1 };
    if (first.name === 'params' && first.args.length === 0) {
      // $input.params().header is a map of strings; .get('x') or .x of it one of them.
      if (second?.kind !== 'property' || !PARAMETER_MAPS.has(second.name)) return { kind: 'map', from: 1 };
      const third = r.steps[2];
      if (third?.kind === 'property' || (third?.kind === 'method' && third.name === 'get' && third.args.length === 1)) return { kind: 'string', from: 3 };
      return { kind: 'map', from: 2 };
    }
    if (first.name === 'path' && arg !== undefined) {
      const kind = arg.trim() === '$' ? (models?.kindAt('$') ?? 'map') : selectsList(arg) ? 'jsonList' : (models?.kindAt(arg) ?? 'unknown');
      return { kind: kind === 'list' ? 'jsonList' : kind, from: 1 };
    }
  }
  if (r.root === 'input' && first?.kind === 'property' && first.name === 'body') return { kind: 'string', from: 1 };
  if (r.root === 'util' && first?.kind === 'method' && UTIL_STRINGS.has(first.name)) return { kind: 'string', from: 1 };
  // $stageVariables.name and .get('name') are strings; the map itself answers keySet(), entrySet()…
  if (r.root === 'stageVariables') {
    if (first?.kind === 'property' || (first?.kind === 'method' && first.name === 'get' && first.args.length === 1)) return { kind: 'string', from: 1 };
    return { kind: 'map', from: 0 };
  }
  if (r.root === 'context' && first?.kind === 'property') {
    if (!CONTEXT_MAPS.has(first.name)) return { kind: 'string', from: 1 };
    if (first.name === 'authorizer' && second?.kind === 'property' && second.name === 'claims') return { kind: 'map', from: 2 };
    return { kind: 'map', from: 1 };
  }
  if (r.steps.length === 0 || first?.kind === 'method') return { kind: variables.get(r.root) ?? 'unknown', from: 0 };
  return { kind: 'unknown', from: r.steps.length };
}

/** The kind of a reference's value: its root's, carried through the methods whose result kind is known. */
export function referenceKind(r: Reference, variables: KnownVariables, models?: ModelShapes): ValueKind {
  const start = rootKind(r, variables, models);
  let kind = start.kind;
  for (const step of r.steps.slice(start.from)) {
    if (step.kind !== 'method') return 'unknown';
    if (kind === 'string' && STRING_METHODS.has(step.name)) kind = 'string';
    else if (step.name === 'toString') kind = 'string';
    else if (kind === 'string' && step.name === 'split') kind = 'list';
    else if (kind === 'map' && (step.name === 'keySet' || step.name === 'values' || step.name === 'entrySet')) kind = 'list';
    else if (step.name === 'subList') kind = kind === 'jsonList' ? 'jsonList' : 'list';
    else if (NUMBER_METHODS.has(step.name)) kind = 'number';
    else if (BOOLEAN_METHODS.has(step.name)) kind = 'boolean';
    else return 'unknown';
  }
  return kind;
}

export function expressionKind(e: Expression, variables: KnownVariables, models?: ModelShapes): ValueKind {
  switch (e.kind) {
    case 'literal':
      return typeof e.value === 'string' ? 'string' : typeof e.value === 'boolean' ? 'boolean' : typeof e.value === 'number' ? 'number' : 'unknown';
    case 'interpolated':
      return 'string';
    case 'list':
    case 'range':
      return 'list';
    case 'map':
      return 'map';
    case 'reference':
      return referenceKind(e.reference, variables, models);
    case 'not':
      return 'boolean';
    case 'binary':
      return ['==', '!=', '<', '<=', '>', '>=', '&&', '||'].includes(e.operator) ? 'boolean' : 'unknown';
  }
}
