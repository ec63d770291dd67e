/**
 * `#foreach($item in $collection) … #end` as Velocity 1.7 runs it on API Gateway:
 *
 * - lists iterate their elements, maps their values; anything else (a string, a number, `""`) not at all;
 * - `$foreach.index/count/hasNext/first/last/parent`, `$velocityCount` (from 1) and `$velocityHasNext`;
 * - the loop variable and those names are restored afterwards (or removed if they were unset);
 * - the loop stops silently after 1000 iterations (API Gateway's limit; reported as a warning);
 * - changing the list's size inside the loop fails like Java (ConcurrentModificationException).
 */
import { JavaException } from '../../java/exceptions.js';
import { JavaList, JavaMap, JavaObject, MapEntry, MapView, NO_METHOD, type NoMethod, type Value } from '../../java/values.js';
import type { ForeachNode, Position } from '../ast.js';
import type { CompileContext } from '../compiler/context.js';
import { compileBlock } from '../compiler/compile.js';
import { compileExpression } from '../compiler/expressions.js';
import { BREAK, NORMAL, STOP, type Frame, type Render } from '../runtime/frame.js';
import { locate } from '../runtime/failures.js';
import { ControlSignal } from '../runtime/control-signal.js';

/** A live view of a collection, so `hasNext` and modification checks behave like Java's iterator. */
interface Cursor {
  hasNext(): boolean;
  next(): Value;
}

/** `$foreach`. */
export class ForeachScope extends JavaObject {
  readonly className = 'org.apache.velocity.runtime.directive.ForeachScope';
  index = -1;

  constructor(
    private readonly cursor: Cursor,
    readonly parent: ForeachScope | null,
  ) {
    super();
  }

  get count(): number {
    return this.index + 1;
  }

  hasNext(): boolean {
    return this.cursor.hasNext();
  }

  private topmost(): ForeachScope {
    let scope: ForeachScope = this;
    while (scope.parent) scope = scope.parent;
    return scope;
  }

  override property(name: string): Value | undefined {
    switch (name) {
      case 'index':
        return this.index;
      case 'count':
        return this.count;
      case 'hasNext':
        return this.hasNext();
      case 'first':
        return this.index === 0;
      case 'last':
        return !this.hasNext();
      case 'parent':
        return this.parent;
      case 'topmost':
        return this.topmost();
    }
    return undefined;
  }

  override invoke(name: string, args: Value[]): Value | NoMethod {
    if (args.length !== 0) return NO_METHOD;
    switch (name) {
      case 'getIndex':
        return this.index;
      case 'getCount':
        return this.count;
      case 'hasNext':
      case 'getHasNext':
        return this.hasNext();
      case 'isFirst':
      case 'getFirst':
        return this.index === 0;
      case 'isLast':
      case 'getLast':
        return !this.hasNext();
      case 'getParent':
        return this.parent;
      case 'getTopmost':
        return this.topmost();
    }
    return NO_METHOD;
  }
}

function concurrentModification(): JavaException {
  return new JavaException('java.util.ConcurrentModificationException', '');
}

/** Iterates a map live, as Java does: values put for existing keys during the loop are seen. */
function mapCursor(map: JavaMap, read: (key: Value, value: Value) => Value): Cursor {
  const keys = map.keys();
  const expected = map.modCount;
  let i = 0;
  return {
    hasNext: () => i < keys.length,
    next: () => {
      if (map.modCount !== expected) throw concurrentModification();
      const key = keys[i++]!;
      return read(key, map.get(key) ?? null);
    },
  };
}

function cursorOver(collection: Value): Cursor | null {
  if (collection instanceof MapView) {
    const map = collection.map;
    if (collection.view === 'keys') return mapCursor(map, (key) => key);
    if (collection.view === 'values') return mapCursor(map, (_key, value) => value);
    return mapCursor(map, (key, value) => new MapEntry(map, key, value));
  }
  if (collection instanceof JavaList) {
    const items = collection.items;
    let i = 0;
    if (collection.flavour === 'array') return { hasNext: () => i < items.length, next: () => items[i++]! };
    const expected = collection.modCount;
    return {
      hasNext: () => i !== items.length,
      next: () => {
        if (collection.modCount !== expected || i >= items.length) throw concurrentModification();
        return items[i++]!;
      },
    };
  }
  if (collection instanceof JavaMap) return mapCursor(collection, (_key, value) => value);
  return null;
}

export function compileForeach(node: ForeachNode, ctx: CompileContext): Render {
  ctx.at = node.position;
  const iterable = compileExpression(node.iterable, ctx);
  const itemSlot = ctx.slots.slot(node.variable);
  const scopeSlot = ctx.slots.slot('foreach');
  const countSlot = ctx.slots.slot('velocityCount');
  const hasNextSlot = ctx.slots.slot('velocityHasNext');
  const body = compileBlock(node.body, ctx);
  const position: Position = node.position;
  // Coverage: how often the loop ran its body at least once, and how often not at all.
  const counts = ctx.coverage?.counts;
  const entered = ctx.coverage ? ctx.coverage.branch('foreach', position, ['loop body ran', 'loop body skipped']) : -1;

  return (f: Frame) => {
    const collection = iterable(f);
    // Iterating a map (or a view of one) copies its keys first.
    if (collection instanceof JavaMap) f.tick(collection.size / 8, position);
    else if (collection instanceof MapView) f.tick(collection.map.size / 8, position);
    const cursor = cursorOver(collection);
    if (!cursor) {
      if (counts) counts[entered + 1]!++;
      return NORMAL;
    }
    const vars = f.vars;
    const savedItem = vars[itemSlot];
    const savedScope = vars[scopeSlot];
    const savedCount = vars[countSlot];
    const savedHasNext = vars[hasNextSlot];
    const scope = new ForeachScope(cursor, savedScope instanceof ForeachScope ? savedScope : null);
    vars[scopeSlot] = scope;
    const max = f.limits.maxLoopIterations;
    let status = NORMAL as number;
    try {
      while (cursor.hasNext()) {
        if (scope.index + 1 >= max) {
          f.warn(`#foreach stopped after ${max} iterations (API Gateway's limit) at line ${position.line}`);
          break;
        }
        f.tick(1, position);
        let item: Value;
        try {
          item = cursor.next();
        } catch (e) {
          throw locate(e, position, '#foreach');
        }
        scope.index++;
        vars[itemSlot] = item;
        vars[countSlot] = scope.index + 1;
        vars[hasNextSlot] = cursor.hasNext();
        try {
          status = body(f);
        } catch (e) {
          // A #break inside a string literal ends this loop; a #stop goes on to the template.
          if (!(e instanceof ControlSignal) || e.kind === 'stop') throw e;
          status = BREAK;
        }
        if (status === BREAK) {
          status = NORMAL;
          break;
        }
        if (status === STOP) break;
      }
    } finally {
      if (counts) counts[scope.index >= 0 ? entered : entered + 1]!++;
      vars[itemSlot] = savedItem;
      vars[scopeSlot] = savedScope;
      vars[countSlot] = savedCount;
      vars[hasNextSlot] = savedHasNext;
    }
    return status as typeof NORMAL | typeof STOP;
  };
}
