/**
 * Expressions: literals, string interpolation, lists, maps, ranges, arithmetic, comparisons and logic,
 * each with Velocity 1.7's semantics (see java/arithmetic.ts and java/equality.ts).
 */
import { arithmetic } from '../../java/arithmetic.js';
import { isTruthy, velocityCompare, velocityEquals } from '../../java/equality.js';
import { BYTES_PER_ENTRY, BYTES_PER_OBJECT, BYTES_PER_SLOT } from '../../java/meter.js';
import { INT_MAX, INT_MIN, isJavaNumber, toInt } from '../../java/numbers.js';
import { JavaList, JavaMap, type Value } from '../../java/values.js';
import type { Expression, Position } from '../ast.js';
import type { Evaluate, Frame } from '../runtime/frame.js';
import { locate } from '../runtime/failures.js';
import type { CompileContext } from './context.js';
import { compileBlock } from './compile.js';
import { compileReference } from './references.js';

export function compileExpression(expr: Expression, ctx: CompileContext): Evaluate {
  switch (expr.kind) {
    case 'literal': {
      const value = expr.value;
      return () => value;
    }
    case 'interpolated': {
      const position = ctx.at;
      const body = compileBlock(expr.body, ctx);
      return (f) => admit(f, f.capture(body), position);
    }
    case 'reference':
      return compileReference(expr.reference, ctx);
    case 'list': {
      const position = ctx.at;
      const items = expr.items.map((i) => compileExpression(i, ctx));
      const bytes = BYTES_PER_OBJECT + items.length * BYTES_PER_SLOT;
      return (f) => {
        f.alloc(bytes, position);
        const values = new Array<Value>(items.length);
        for (let i = 0; i < items.length; i++) values[i] = items[i]!(f);
        return new JavaList(values);
      };
    }
    case 'map': {
      const position = ctx.at;
      const entries = expr.entries.map(([k, v]) => [compileExpression(k, ctx), compileExpression(v, ctx)] as const);
      const bytes = BYTES_PER_OBJECT + entries.length * BYTES_PER_ENTRY;
      return (f) => {
        f.alloc(bytes, position);
        const map = new JavaMap('linked');
        for (const [k, v] of entries) map.set(k(f), v(f));
        return map;
      };
    }
    case 'range':
      return compileRange(compileExpression(expr.from, ctx), compileExpression(expr.to, ctx), expr.position);
    case 'not': {
      const operand = compileCondition(expr.operand, ctx);
      return (f) => !operand(f);
    }
    case 'binary':
      return compileBinary(expr, ctx);
  }
}

/** A string the render just built, held to the string cap and charged to memory. */
function admit(f: Frame, s: string, position: Position): string {
  try {
    return f.meter.string(s);
  } catch (e) {
    throw locate(e, position, 'building a string');
  }
}

/** `[a..b]`: an ArrayList of the Integers from a to b inclusive, counting down when a > b. */
function compileRange(from: Evaluate, to: Evaluate, position: Position): Evaluate {
  return (f) => {
    const a = from(f);
    const b = to(f);
    if (!isJavaNumber(a) || !isJavaNumber(b)) return null;
    const start = toInt(a);
    const end = toInt(b);
    const count = Math.abs(end - start) + 1;
    f.tick(count / 8, position);
    f.alloc(BYTES_PER_OBJECT + count * BYTES_PER_SLOT, position);
    const step = start <= end ? 1 : -1;
    const items = new Array<Value>(count);
    for (let i = 0, v = start; i < count; i++, v += step) items[i] = v;
    return new JavaList(items);
  };
}

/**
 * An expression in a boolean position (`#if`, `#elseif`, the operands of `&&`, `||`, `!`). Velocity 1.7
 * asks each node to *evaluate*, and only references (by their value), `true`, comparisons and logical
 * operators answer; a literal string, number, list, map, range or arithmetic expression evaluates to
 * false without being computed — so `#if("")` and `#if(1 + 1)` are false although `""` and `2` are truthy.
 */
export function compileCondition(expr: Expression, ctx: CompileContext): (frame: Frame) => boolean {
  switch (expr.kind) {
    case 'reference': {
      const value = compileReference(expr.reference, ctx);
      return (f) => isTruthy(value(f));
    }
    case 'literal': {
      const result = expr.value === true;
      return () => result;
    }
    case 'not': {
      const operand = compileCondition(expr.operand, ctx);
      return (f) => !operand(f);
    }
    case 'binary':
      switch (expr.operator) {
        case '&&': {
          const left = compileCondition(expr.left, ctx);
          const right = compileCondition(expr.right, ctx);
          return (f) => left(f) && right(f);
        }
        case '||': {
          const left = compileCondition(expr.left, ctx);
          const right = compileCondition(expr.right, ctx);
          return (f) => left(f) || right(f);
        }
        case '==':
        case '!=':
        case '<':
        case '<=':
        case '>':
        case '>=': {
          const value = compileBinary(expr, ctx);
          return (f) => value(f) === true;
        }
        default:
          return () => false;
      }
    default:
      return () => false;
  }
}

function compileBinary(expr: Extract<Expression, { kind: 'binary' }>, ctx: CompileContext): Evaluate {
  if (expr.operator === '&&' || expr.operator === '||') return compileCondition(expr, ctx);
  const left = compileExpression(expr.left, ctx);
  const right = compileExpression(expr.right, ctx);
  const position = expr.position;
  // Each operator gets its own closure with the Integer (and String) case inline: the general rules in
  // java/ run only for the other classes, and no closure branches on the operator at render time.
  switch (expr.operator) {
    case '==':
      return (f) => {
        const a = left(f);
        const b = right(f);
        if (typeof a === 'number' && typeof b === 'number') return a === b;
        return equals(f, a, b, position);
      };
    case '!=':
      return (f) => {
        const a = left(f);
        const b = right(f);
        if (typeof a === 'number' && typeof b === 'number') return a !== b;
        return !equals(f, a, b, position);
      };
    case '<':
      return (f) => {
        const a = left(f);
        const b = right(f);
        return typeof a === 'number' && typeof b === 'number' ? a < b : velocityCompare('<', a, b);
      };
    case '<=':
      return (f) => {
        const a = left(f);
        const b = right(f);
        return typeof a === 'number' && typeof b === 'number' ? a <= b : velocityCompare('<=', a, b);
      };
    case '>':
      return (f) => {
        const a = left(f);
        const b = right(f);
        return typeof a === 'number' && typeof b === 'number' ? a > b : velocityCompare('>', a, b);
      };
    case '>=':
      return (f) => {
        const a = left(f);
        const b = right(f);
        return typeof a === 'number' && typeof b === 'number' ? a >= b : velocityCompare('>=', a, b);
      };
    case '+':
      return (f) => {
        const a = left(f);
        const b = right(f);
        if (typeof a === 'number' && typeof b === 'number') {
          const r = a + b;
          if (r >= INT_MIN && r <= INT_MAX) return r;
        } else if (typeof a === 'string' && typeof b === 'string') {
          try {
            f.meter.admit(a.length + b.length);
          } catch (e) {
            throw locate(e, position, "'+'");
          }
          return a + b;
        }
        return compute(f, '+', a, b, position);
      };
    case '-':
      return (f) => {
        const a = left(f);
        const b = right(f);
        if (typeof a === 'number' && typeof b === 'number') {
          const r = a - b;
          if (r >= INT_MIN && r <= INT_MAX) return r;
        }
        return compute(f, '-', a, b, position);
      };
    case '*':
      return (f) => {
        const a = left(f);
        const b = right(f);
        if (typeof a === 'number' && typeof b === 'number') {
          const r = a * b;
          // `| 0` turns -0 (0 × a negative) into Java's only zero.
          if (r >= INT_MIN && r <= INT_MAX) return r | 0;
        }
        return compute(f, '*', a, b, position);
      };
    case '/':
      return (f) => {
        const a = left(f);
        const b = right(f);
        // Truncating toward zero; only MIN_VALUE / -1 leaves the int range (a Long), and / 0 is null.
        if (typeof a === 'number' && typeof b === 'number' && b !== 0 && (b !== -1 || a !== INT_MIN)) return (a / b) | 0;
        return compute(f, '/', a, b, position);
      };
    case '%':
      return (f) => {
        const a = left(f);
        const b = right(f);
        if (typeof a === 'number' && typeof b === 'number' && b !== 0) return (a % b) | 0;
        return compute(f, '%', a, b, position);
      };
  }
}

/** The general arithmetic rules (java/arithmetic.ts), with failures located at the operator. */
function compute(f: Frame, op: '+' | '-' | '*' | '/' | '%', a: Value, b: Value, position: Position): Value {
  try {
    return arithmetic(op, a, b, f.meter);
  } catch (e) {
    throw locate(e, position, `'${op}'`);
  }
}

function equals(f: Frame, a: Value, b: Value, position: Position): boolean {
  try {
    return velocityEquals(a, b, f.meter);
  } catch (e) {
    throw locate(e, position, "'=='");
  }
}
