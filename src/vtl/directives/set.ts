/**
 * `#set($a = …)`, `#set($a.b.c = …)`, `#set($m[$k] = …)`.
 *
 * As in Velocity 1.7 the right-hand side is evaluated first; a null value (division by zero, math on a
 * non-number) leaves the variable unchanged, while a reference to nothing assigns `""` (API Gateway's
 * null rule, applied by the reference itself). Writing into a missing or non-map container does
 * nothing, and writing into a read-only map (`$context`) fails the render.
 */
import { JavaException } from '../../java/exceptions.js';
import { JavaList, JavaMap, JavaObject, NO_METHOD, noteMutation, type Value } from '../../java/values.js';
import { BYTES_PER_ENTRY, type Meter } from '../../java/meter.js';
import type { SetNode } from '../ast.js';
import type { CompileContext } from '../compiler/context.js';
import { compileExpression } from '../compiler/expressions.js';
import { compileTargetPrefix } from '../compiler/references.js';
import { NORMAL, type Render } from '../runtime/frame.js';
import { locate } from '../runtime/failures.js';

export function compileSet(node: SetNode, ctx: CompileContext): Render {
  ctx.at = node.position;
  const value = compileExpression(node.value, ctx);
  const target = node.target;
  const position = node.position;
  const last = target.steps[target.steps.length - 1];
  if (!last) {
    const slot = ctx.slots.slot(target.root);
    return (f) => {
      const v = value(f);
      if (v !== null) f.vars[slot] = v;
      return NORMAL;
    };
  }
  const prefix = compileTargetPrefix(target, ctx);
  if (last.kind === 'property') {
    const name = last.name;
    return (f) => {
      const v = value(f);
      if (v === null) return NORMAL;
      const container = prefix(f);
      if (container === undefined) return NORMAL;
      try {
        assignProperty(container, name, v, f.meter);
      } catch (e) {
        throw locate(e, position, `#set of ${target.source}`);
      }
      return NORMAL;
    };
  }
  if (last.kind === 'index') {
    const index = compileExpression(last.index, ctx);
    return (f) => {
      const v = value(f);
      if (v === null) return NORMAL;
      const container = prefix(f);
      if (container === undefined) return NORMAL;
      const key = index(f);
      try {
        assignIndex(container, key, v, f.meter);
      } catch (e) {
        throw locate(e, position, `#set of ${target.source}`);
      }
      return NORMAL;
    };
  }
  throw new Error('unreachable: #set target ends in a method call');
}

function put(map: JavaMap, key: Value, v: Value, meter: Meter): void {
  if (map.readOnly) throw new JavaException('java.lang.UnsupportedOperationException', '');
  if (!map.has(key)) meter.alloc(BYTES_PER_ENTRY);
  map.set(key, v);
}

function assignProperty(container: Value, name: string, v: Value, meter: Meter): void {
  if (container instanceof JavaMap) {
    put(container, name, v, meter);
  } else if (container instanceof JavaObject) {
    // A bean setter, e.g. Map.Entry.setValue through `$entry.value = …`.
    const setter = 'set' + name.charAt(0).toUpperCase() + name.slice(1);
    if (container.invoke(setter, [v], meter) === NO_METHOD) return;
  }
}

function assignIndex(container: Value, key: Value, v: Value, meter: Meter): void {
  if (container instanceof JavaMap) {
    put(container, key, v, meter);
  } else if (container instanceof JavaList && typeof key === 'number') {
    const size = container.items.length;
    const i = key < 0 ? size + key : key;
    if (i < 0 || i >= size) {
      throw new JavaException('java.lang.IndexOutOfBoundsException', `Index ${key} out of bounds for length ${size}`);
    }
    container.items[i] = v;
    noteMutation();
  }
}
