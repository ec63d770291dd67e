/**
 * Evaluates a compiled path over the Java values in place, as Jayway 2.0.0's path tokens do, without
 * copying the document and without recursion: an explicit stack holds the pending work, so a document of
 * any depth cannot overflow the JavaScript stack, and every node visited is charged to the render.
 *
 * Jayway's evaluation is a depth-first walk where each token hands each value it selects to the next
 * token; results come out in that order. Where Jayway throws PathNotFoundException, the walk unwinds to
 * the nearest place Jayway catches it: only an array wildcard catches it, per element (`$.a[*].b` skips
 * elements that are not maps); anywhere else the whole path is "not found" (`$.a[0,9]` with 9 out of
 * range, `$.o.*.b` when a value of `o` is not a map). Results found before the throw are kept, as Jayway
 * keeps them.
 */
import { BYTES_PER_ENTRY, BYTES_PER_SLOT, type Meter } from '../../java/meter.js';
import { JavaDepthError } from '../../java/nesting.js';
import { toJavaString } from '../../java/print.js';
import { JavaList, JavaMap, type Value } from '../../java/values.js';
import { MISSING, testFilter, type FilterContext } from './filter.js';
import { JsonPathSyntaxError, type ParsedPath, type PathSegment } from './parse-path.js';

/** The path selects nothing (Jayway: PathNotFoundException). */
export const NOT_FOUND: unique symbol = Symbol('path not found');

/**
 * How deep the walk may go below the document root. Parsed bodies nest at most a few thousand levels
 * (json-parse.ts); only a template-made cycle (a map put into itself) gets here.
 */
const MAX_WALK_DEPTH = 100_000;

type Task =
  /** Apply segment `seg` to `value` (past the last segment: `value` is a result). */
  | { t: 'apply'; seg: number; value: Value; depth: number }
  /** An array wildcard's element: a PathNotFoundException below it is swallowed here. */
  | { t: 'catch' }
  /** Apply `seg` to items[next..end) one at a time; `caught` puts a catch boundary around each. */
  | { t: 'each'; seg: number; items: readonly Value[]; next: number; caught: boolean; depth: number }
  /** `handleArrayIndex` for each index in `indexes[next..]` (or `next..end` when indexes is null). */
  | { t: 'indexes'; seg: number; array: readonly Value[]; indexes: readonly number[] | null; next: number; end: number; depth: number }
  /** A filter over an array's items[next..]: each item that passes goes to the next segment. */
  | { t: 'filter'; seg: number; items: readonly Value[]; next: number; depth: number }
  /** The deep scan for the segment `seg` (the one after `..`) over `value` and everything below it. */
  | { t: 'walk'; seg: number; value: Value; depth: number }
  /** `walk` for each of items[next..]. */
  | { t: 'walkEach'; seg: number; items: readonly Value[]; next: number; depth: number };

/** Jayway's json-smart provider: a Map is a map, a java.util.List is an array; nothing else is either. */
function asArray(v: Value): readonly Value[] | undefined {
  return v instanceof JavaList && (v.flavour === 'json' || v.flavour === 'list') ? v.items : undefined;
}

/** A path evaluation: the stack, the results and the render's meter. */
class Walk implements FilterContext {
  private readonly stack: Task[] = [];
  readonly results: Value[] = [];

  constructor(
    private readonly path: ParsedPath,
    readonly root: Value,
    readonly meter: Meter,
  ) {}

  /** Runs from `start`; false when a PathNotFoundException reached the top. */
  run(start: Value): boolean {
    const stack = this.stack;
    stack.push({ t: 'apply', seg: 0, value: start, depth: 0 });
    while (stack.length > 0) {
      const task = stack.pop()!;
      this.meter.charge(1);
      if (!this.step(task)) {
        // PathNotFoundException: unwind to the nearest array wildcard element, or fail the whole path.
        let caught = false;
        while (stack.length > 0) {
          if (stack.pop()!.t === 'catch') {
            caught = true;
            break;
          }
        }
        if (!caught) return false;
      }
    }
    return true;
  }

  /** Executes one task; false means PathNotFoundException. */
  private step(task: Task): boolean {
    const stack = this.stack;
    switch (task.t) {
      case 'catch':
        return true;
      case 'apply':
        return this.apply(task.seg, task.value, task.depth);
      case 'each': {
        if (task.next >= task.items.length) return true;
        const item = task.items[task.next++]!;
        stack.push(task);
        if (task.caught) stack.push({ t: 'catch' });
        stack.push({ t: 'apply', seg: task.seg, value: item, depth: task.depth });
        return true;
      }
      case 'indexes': {
        const i = task.indexes ? task.indexes[task.next] : task.next;
        if (i === undefined || (task.indexes === null && task.next >= task.end)) return true;
        task.next++;
        stack.push(task);
        return this.atIndex(task.array, i, task.seg, task.depth);
      }
      case 'filter': {
        if (task.next >= task.items.length) return true;
        const item = task.items[task.next++]!;
        stack.push(task);
        const segment = this.path.segments[task.seg] as Extract<PathSegment, { kind: 'filter' }>;
        if (testFilter(segment.filter, item, this)) stack.push({ t: 'apply', seg: task.seg + 1, value: item, depth: task.depth });
        return true;
      }
      case 'walk':
        return this.walk(task.seg, task.value, task.depth);
      case 'walkEach': {
        if (task.next >= task.items.length) return true;
        const item = task.items[task.next++]!;
        stack.push(task);
        stack.push({ t: 'walk', seg: task.seg, value: item, depth: task.depth });
        return true;
      }
    }
  }

  private add(value: Value): void {
    this.meter.alloc(BYTES_PER_SLOT);
    this.results.push(value);
  }

  /** Jayway's `handleArrayIndex`: an index outside the array is PathNotFoundException. */
  private atIndex(array: readonly Value[], index: number, seg: number, depth: number): boolean {
    if (index < 0 || index >= array.length) return false;
    this.stack.push({ t: 'apply', seg: seg + 1, value: array[index]!, depth: depth + 1 });
    return true;
  }

  private values(map: JavaMap): Value[] {
    this.meter.alloc(BYTES_PER_SLOT * map.size);
    return map.values();
  }

  private apply(seg: number, value: Value, depth: number): boolean {
    const segments = this.path.segments;
    if (seg >= segments.length) {
      this.add(value);
      return true;
    }
    if (depth > MAX_WALK_DEPTH) throw new JavaDepthError();
    const segment = segments[seg]!;
    const stack = this.stack;
    switch (segment.kind) {
      case 'property': {
        if (!(value instanceof JavaMap)) return false;
        const v = value.get(segment.name);
        if (v === undefined) {
          // Jayway 2.0.0: a property missing on the way selects nothing (`$.items[*]` on `{}` is `[]`); a
          // missing leaf is PathNotFoundException, which only an array wildcard catches (for its element).
          return seg !== segments.length - 1;
        }
        stack.push({ t: 'apply', seg: seg + 1, value: v, depth: depth + 1 });
        return true;
      }
      case 'properties': {
        if (!(value instanceof JavaMap)) return false;
        if (seg !== segments.length - 1) throw new JsonPathSyntaxError(`Multi properties can only be used as path leafs: ${pathText(segments, seg + 1)}`);
        const out = new JavaMap('linked');
        for (const name of segment.names) {
          this.meter.charge(1);
          const v = value.get(name);
          if (v !== undefined) {
            this.meter.alloc(BYTES_PER_ENTRY);
            out.putParsed(name, v);
          }
        }
        this.add(out);
        return true;
      }
      case 'wildcard': {
        if (value instanceof JavaMap) {
          stack.push({ t: 'each', seg: seg + 1, items: this.values(value), next: 0, caught: false, depth: depth + 1 });
        } else {
          const items = asArray(value);
          if (items) stack.push({ t: 'each', seg: seg + 1, items, next: 0, caught: true, depth: depth + 1 });
        }
        return true;
      }
      case 'index':
      case 'indexes':
      case 'slice':
      case 'fromEnd': {
        if (value === null) return false;
        const items = asArray(value);
        if (!items) {
          throw new JsonPathSyntaxError(`Filter: ${arrayText(segment)} can only be applied to arrays. Current context is: ${toJavaString(value, this.meter)}`);
        }
        if (segment.kind === 'index') return this.atIndex(items, segment.index, seg, depth);
        if (segment.kind === 'fromEnd') return this.atIndex(items, items.length + segment.offset, seg, depth);
        if (segment.kind === 'indexes') {
          stack.push({ t: 'indexes', seg, array: items, indexes: segment.indexes, next: 0, end: 0, depth });
          return true;
        }
        const [from, end] = sliceBounds(segment.from, segment.to, items.length);
        if (from < end) stack.push({ t: 'indexes', seg, array: items, indexes: null, next: from, end, depth });
        return true;
      }
      case 'filter': {
        if (value instanceof JavaMap) {
          if (testFilter(segment.filter, value, this)) stack.push({ t: 'apply', seg: seg + 1, value, depth });
          return true;
        }
        const items = asArray(value);
        if (!items) throw new JsonPathSyntaxError(`Filter: [?] can not be applied to primitives. Current context is: ${toJavaString(value, this.meter)}`);
        stack.push({ t: 'filter', seg, items, next: 0, depth: depth + 1 });
        return true;
      }
      case 'deep':
        stack.push({ t: 'walk', seg: seg + 1, value, depth });
        return true;
    }
  }

  /**
   * Jayway's `ScanPathToken.walk`: at each map or array, first what the segment after `..` selects
   * there, then the same for each child. At an array, a segment that is not the last is skipped and the
   * rest of the path applied to every element (Jayway 2.0.0: `$..[0].x` reads `x` of every element).
   */
  private walk(seg: number, value: Value, depth: number): boolean {
    if (depth > MAX_WALK_DEPTH) throw new JavaDepthError();
    const segments = this.path.segments;
    const target = segments[seg]!;
    const stack = this.stack;
    if (value instanceof JavaMap) {
      const children = this.values(value);
      stack.push({ t: 'walkEach', seg, items: children, next: 0, depth: depth + 1 });
      if (this.scanMatches(target, value)) stack.push({ t: 'apply', seg, value, depth });
      return true;
    }
    const items = asArray(value);
    if (!items) return true;
    stack.push({ t: 'walkEach', seg, items, next: 0, depth: depth + 1 });
    if (this.scanMatches(target, value)) {
      if (seg === segments.length - 1) stack.push({ t: 'apply', seg, value, depth });
      else stack.push({ t: 'each', seg: seg + 1, items, next: 0, caught: false, depth: depth + 1 });
    }
    return true;
  }

  /** Jayway's scan predicates: which maps and arrays the segment after `..` is applied to. */
  private scanMatches(target: PathSegment, value: Value): boolean {
    switch (target.kind) {
      case 'property':
        return value instanceof JavaMap && value.has(target.name);
      case 'properties':
        return value instanceof JavaMap && target.names.every((n) => value.has(n));
      case 'index':
      case 'indexes':
      case 'slice':
      case 'fromEnd':
        return asArray(value) !== undefined;
      case 'wildcard':
        return true;
      case 'filter':
        return testFilter(target.filter, value, this);
      case 'deep':
        return false;
    }
  }

  /** Reads a definite path inside a filter: its single value, or {@link MISSING}. */
  read(path: ParsedPath, start: Value): Value | typeof MISSING {
    // Nearly every filter reads `@.name` or `@.a[0]`: walk those directly, charging what the walk would.
    let v: Value = start;
    let simple = true;
    for (const segment of path.segments) {
      if (segment.kind === 'property') {
        if (!(v instanceof JavaMap)) return this.meter.charge(1), MISSING;
        const next = v.get(segment.name);
        if (next === undefined) return this.meter.charge(1), MISSING;
        v = next;
      } else if (segment.kind === 'index' && asArray(v)) {
        const items = asArray(v)!;
        if (segment.index < 0 || segment.index >= items.length) return this.meter.charge(1), MISSING;
        v = items[segment.index]!;
      } else {
        simple = false;
        break;
      }
      this.meter.charge(1);
    }
    if (simple) {
      this.meter.charge(1);
      this.meter.alloc(BYTES_PER_SLOT);
      return v;
    }
    const walk = new Walk(path, this.root, this.meter);
    if (!walk.run(start) || walk.results.length === 0) return MISSING;
    return walk.results[0]!;
  }
}

/** Jayway 2.0.0's slice arithmetic; `[a:b]` does not count a negative `a` from the end. */
function sliceBounds(from: number | undefined, to: number | undefined, length: number): [number, number] {
  if (length === 0) return [0, 0];
  if (to === undefined) {
    const start = Math.max(0, from! < 0 ? length + from! : from!);
    return [start, length];
  }
  if (from === undefined) return [0, Math.min(length, to < 0 ? length + to : to)];
  return [from, Math.min(length, to)];
}

/** How Jayway prints the path up to `end` in its messages (the concrete path, for definite prefixes). */
function pathText(segments: readonly PathSegment[], end: number): string {
  let out = '$';
  for (const segment of segments.slice(0, end)) {
    if (segment.kind === 'property') out += `['${segment.name}']`;
    else if (segment.kind === 'properties') out += `[${segment.names.map((n) => `'${n}'`).join(',')}]`;
    else if (segment.kind === 'wildcard') out += '[*]';
    else if (segment.kind === 'deep') out += '..';
    else if (segment.kind === 'filter') out += '[?]';
    else out += arrayText(segment);
  }
  return out;
}

/** How Jayway prints an array segment in its error messages. */
function arrayText(segment: PathSegment): string {
  switch (segment.kind) {
    case 'index':
      return `[${segment.index}]`;
    case 'indexes':
      return `[${segment.indexes.join(',')}]`;
    case 'slice':
      return `[${segment.from ?? ''}:${segment.to ?? ''}]`;
    case 'fromEnd':
      return `[@.size()${segment.offset}]`;
    default:
      return '[]';
  }
}

/**
 * Evaluates a compiled path over `document` (the root): for a definite path its value, else a JSON list
 * (JSONArray) of the matches in Jayway's order; {@link NOT_FOUND} when Jayway throws PathNotFoundException.
 * Charges one unit of work per node visited and the memory of the result list.
 * @throws JsonPathSyntaxError where Jayway throws InvalidPathException while evaluating (`$.map[0]`)
 * @throws BudgetExceeded when the render's budget runs out
 */
export function evaluatePath(path: ParsedPath, document: Value, meter: Meter): Value | typeof NOT_FOUND {
  const walk = new Walk(path, document, meter);
  if (!walk.run(document)) return NOT_FOUND;
  if (path.definite) return walk.results.length === 0 ? NOT_FOUND : walk.results[0]!;
  return new JavaList(walk.results, 'json');
}
