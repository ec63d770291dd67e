/**
 * Expressions: literals, string interpolation, lists, maps, ranges, arithmetic, comparisons and logic,
 * each with Velocity 1.7's semantics (see java/arithmetic.ts and java/equality.ts).
 */
import { arithmetic } from '../../java/arithmetic.js';
import { isTruthy, velocityCompare, velocityEquals } from '../../java/equality.js';
import { checkStringSize } from '../../java/methods/limits.js';
import { isJavaNumber, toInt } from '../../java/numbers.js';
import { JavaList, JavaMap, type Value } from '../../java/values.js';
import type { Expression, Position } from '../ast.js';
import type { Evaluate } from '../runtime/frame.js';
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
      const body = compileBlock(expr.body, ctx);
      return (f) => checkString(f.capture(body).text);
    }
    case 'reference':
      return compileReference(expr.reference, ctx);
    case 'list': {
      const items = expr.items.map((i) => compileExpression(i, ctx));
      return (f) => {
        const values = new Array<Value>(items.length);
        for (let i = 0; i < items.length; i++) values[i] = items[i]!(f);
        return new JavaList(values);
      };
    }
    case 'map': {
      const entries = expr.entries.map(([k, v]) => [compileExpression(k, ctx), compileExpression(v, ctx)] as const);
      return (f) => {
        const map = new JavaMap('linked');
        for (const [k, v] of entries) map.set(k(f), v(f));
        return map;
      };
    }
    case 'range':
      return compileRange(compileExpression(expr.from, ctx), compileExpression(expr.to, ctx), expr.position);
    case 'not': {
      const operand = compileExpression(expr.operand, ctx);
      return (f) => !isTruthy(operand(f));
    }
    case 'binary':
      return compileBinary(expr, ctx);
  }
}

function checkString(s: string): string {
  return checkStringSize(s);
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
    f.tick(count, position);
    const step = start <= end ? 1 : -1;
    const items = new Array<Value>(count);
    for (let i = 0, v = start; i < count; i++, v += step) items[i] = v;
    return new JavaList(items);
  };
}

function compileBinary(expr: Extract<Expression, { kind: 'binary' }>, ctx: CompileContext): Evaluate {
  const left = compileExpression(expr.left, ctx);
  const right = compileExpression(expr.right, ctx);
  const position = expr.position;
  switch (expr.operator) {
    case '&&':
      return (f) => isTruthy(left(f)) && isTruthy(right(f));
    case '||':
      return (f) => isTruthy(left(f)) || isTruthy(right(f));
    case '==':
      return (f) => velocityEquals(left(f), right(f));
    case '!=':
      return (f) => !velocityEquals(left(f), right(f));
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const op = expr.operator;
      return (f) => velocityCompare(op, left(f), right(f));
    }
    case '+':
    case '-':
    case '*':
    case '/':
    case '%': {
      const op = expr.operator;
      return (f) => {
        const a = left(f);
        const b = right(f);
        try {
          return op === '+' && typeof a === 'string' && typeof b === 'string' ? checkString(a + b) : arithmetic(op, a, b);
        } catch (e) {
          throw locate(e, position, `'${op}'`);
        }
      };
    }
  }
}
