/**
 * References: `$root.property.method(args)[index]`.
 *
 * API Gateway's rule (recorded on AWS): when the root is undefined, or any step yields Java null or finds
 * no property or method, the whole reference is the empty string `""` — it prints nothing, is truthy,
 * and equals `""`. A reference therefore never evaluates to null.
 */
import { invokeMethod, NO_METHOD, readIndex, readProperty } from '../../java/methods/dispatch.js';
import type { Value } from '../../java/values.js';
import type { Position, Reference, ReferenceStep } from '../ast.js';
import type { Evaluate, Frame } from '../runtime/frame.js';
import { locate } from '../runtime/failures.js';
import type { CompileContext } from './context.js';
import { compileExpression } from './expressions.js';

/**
 * The same text as an engine-internalized string. Method dispatch compares the name with string
 * constants; a name sliced from the template text would be compared character by character on every
 * call, an internalized one by identity.
 */
function internalized(name: string): string {
  return Object.keys({ [name]: 0 })[0]!;
}

/** The arguments of a call without any: shared, and frozen so that no method can keep or change them. */
const NO_ARGS = Object.freeze([]) as unknown as Value[];

/** Work units of one method call (measured: about twice a loop iteration). */
const METHOD_CALL_UNITS = 2;

/** One step applied to the value so far; `undefined` or `null` ends the reference. */
type Step = (frame: Frame, target: Value) => Value | undefined;

export function compileStep(step: ReferenceStep, ctx: CompileContext, position: Position): Step {
  ctx.at = position;
  switch (step.kind) {
    case 'property': {
      const name = internalized(step.name);
      return (_f, target) => readProperty(target, name);
    }
    case 'index': {
      const index = compileExpression(step.index, ctx);
      return (f, target) => {
        const i = index(f);
        try {
          return readIndex(target, i, f.meter);
        } catch (e) {
          throw locate(e, position, 'index access');
        }
      };
    }
    case 'method': {
      const name = internalized(step.name);
      const args = step.args.map((a) => compileExpression(a, ctx));
      const doing = `${name}()`;
      const call = (f: Frame, target: Value, values: Value[]): Value | undefined => {
        // A call is the costliest step: dispatch, overload resolution and argument conversion.
        f.tick(METHOD_CALL_UNITS, position);
        let result: Value | typeof NO_METHOD;
        try {
          result = invokeMethod(target, name, values, f);
        } catch (e) {
          throw locate(e, position, doing);
        }
        return result === NO_METHOD ? undefined : result;
      };
      // The commonest call (`size()`, `trim()`, `keySet()`): no argument array to allocate.
      if (args.length === 0) return (f, target) => call(f, target, NO_ARGS);
      return (f, target) => {
        const values = new Array<Value>(args.length);
        for (let i = 0; i < args.length; i++) values[i] = args[i]!(f);
        return call(f, target, values);
      };
    }
  }
}

/** The value of a reference, with API Gateway's null-as-empty-string rule. */
export function compileReference(ref: Reference, ctx: CompileContext): Evaluate {
  const slot = ctx.slots.slot(ref.root);
  const steps = ref.steps.map((s) => compileStep(s, ctx, ref.position));
  if (steps.length === 0) {
    return (f) => {
      const v = f.vars[slot];
      return v === undefined || v === null ? '' : v;
    };
  }
  if (steps.length === 1) {
    const step = steps[0]!;
    return (f) => {
      const root = f.vars[slot];
      if (root === undefined || root === null) return '';
      const v = step(f, root);
      return v === undefined || v === null ? '' : v;
    };
  }
  return (f) => {
    let v: Value | undefined = f.vars[slot];
    if (v === undefined || v === null) return '';
    for (let i = 0; i < steps.length; i++) {
      v = steps[i]!(f, v);
      if (v === undefined || v === null) return '';
    }
    return v;
  };
}

/**
 * The container a `#set` writes into: everything but the last step, evaluated the way Velocity's
 * `setValue` does (a missing link anywhere means the `#set` silently does nothing).
 */
export function compileTargetPrefix(ref: Reference, ctx: CompileContext): (f: Frame) => Value | undefined {
  const slot = ctx.slots.slot(ref.root);
  const steps = ref.steps.slice(0, -1).map((s) => compileStep(s, ctx, ref.position));
  return (f) => {
    let v: Value | undefined = f.vars[slot];
    for (let i = 0; i < steps.length && v !== undefined && v !== null; i++) v = steps[i]!(f, v);
    return v === null ? undefined : v;
  };
}
