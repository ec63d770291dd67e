/**
 * `JsonPath.read(document, path)` with Jayway's semantics, as `$input.path` and `$input.json` use it:
 *
 * - a definite path (`$`, `.name`, `['name']`, `[n]`) returns the value itself, or "not found";
 * - an indefinite path (wildcards, `..`, slices, unions, filters) returns a JSON list of the matches;
 * - several quoted names in one bracket (`$['a','b']`) return a map of those keys.
 *
 * Definite paths are walked directly over the Java values (the common case, and the fast one);
 * indefinite paths are evaluated by jsonpath-plus over a plain copy of the document, with filters run
 * by our own safe evaluator, and the matches mapped back to the original Java values.
 */
import { JSONPath } from 'jsonpath-plus';
import { isJavaNumber, toDouble } from '../../java/numbers.js';
import { JavaList, JavaMap, type Value } from '../../java/values.js';
import { SafeFilter } from './filter.js';
import { JsonPathSyntaxError, parseJsonPath, type ParsedPath, type PathSegment } from './parse-path.js';

/** The path selects nothing (Jayway: PathNotFoundException). */
export const NOT_FOUND: unique symbol = Symbol('path not found');

const parsedPaths = new Map<string, ParsedPath>();

function parsed(path: string): ParsedPath {
  let p = parsedPaths.get(path);
  if (!p) {
    p = parseJsonPath(path);
    if (parsedPaths.size > 1000) parsedPaths.clear();
    parsedPaths.set(path, p);
  }
  return p;
}

function step(v: Value, segment: PathSegment): Value | typeof NOT_FOUND {
  if (segment.kind === 'property') {
    if (!(v instanceof JavaMap) || !v.has(segment.name)) return NOT_FOUND;
    return v.get(segment.name)!;
  }
  if (segment.kind === 'index') {
    // Jayway 2.0 (the API Gateway era) finds nothing at a negative index.
    if (!(v instanceof JavaList) || segment.index < 0) return NOT_FOUND;
    return segment.index < v.items.length ? v.items[segment.index]! : NOT_FOUND;
  }
  return NOT_FOUND;
}

export function readJsonPath(document: Value, path: string): Value | typeof NOT_FOUND {
  const p = parsed(path);
  if (p.definite) {
    let v: Value | typeof NOT_FOUND = document;
    for (const segment of p.segments) {
      v = step(v, segment);
      if (v === NOT_FOUND) return NOT_FOUND;
    }
    return v;
  }
  const last = p.segments[p.segments.length - 1];
  const prefix = p.segments.slice(0, -1);
  if (last?.kind === 'properties' && prefix.every((s) => s.kind === 'property' || s.kind === 'index')) {
    let v: Value | typeof NOT_FOUND = document;
    for (const segment of prefix) {
      v = step(v, segment);
      if (v === NOT_FOUND) return NOT_FOUND;
    }
    if (!(v instanceof JavaMap)) return NOT_FOUND;
    const out = new JavaMap('linked');
    for (const name of last.names) if (v.has(name)) out.set(name, v.get(name)!);
    return out;
  }
  if (!(document instanceof JavaMap) && !(document instanceof JavaList)) {
    // A document that is a plain string or number: a wildcard or deep scan finds nothing, a property
    // is not found, and an array step is an invalid path (Jayway 2.0).
    const first = p.segments[0];
    if (first?.kind === 'wildcard' || first?.kind === 'deep') return new JavaList([], 'json');
    if (first?.kind === 'property' || first?.kind === 'properties') return NOT_FOUND;
    throw new JsonPathSyntaxError(`Filter: ${first?.kind === 'other' ? `[${first.text}]` : 'the path'} can only be applied to arrays`);
  }
  return readIndefinite(document, p.normalized);
}

/** A plain JavaScript copy for jsonpath-plus (filters compare JS numbers and strings). */
function mirror(v: Value): unknown {
  if (v instanceof JavaMap) {
    return Object.fromEntries(v.entries().map((e) => [String(e.key), mirror(e.value)]));
  }
  if (v instanceof JavaList) return v.items.map(mirror);
  if (v !== null && isJavaNumber(v) && typeof v !== 'number') return toDouble(v);
  return v;
}

function decodePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function at(document: Value, pointer: string): Value {
  let v: Value = document;
  for (const key of decodePointer(pointer)) {
    if (v instanceof JavaMap) v = v.get(key) ?? null;
    else if (v instanceof JavaList) v = v.items[Number(key)] ?? null;
    else return null;
  }
  return v;
}

function readIndefinite(document: Value, path: string): JavaList {
  const pointers = JSONPath({
    path,
    json: mirror(document) as object,
    resultType: 'pointer',
    wrap: true,
    eval: SafeFilter as never,
  }) as string[] | undefined;
  return new JavaList((pointers ?? []).map((p) => at(document, p)), 'json');
}
