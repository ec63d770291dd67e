/**
 * `#if` / `#elseif` / `#else`. Velocity 1.7 truthiness: only null and `false` are false, so an empty
 * string, `0`, an empty list and (on API Gateway) an undefined reference are all true.
 */
import { isTruthy } from '../../java/equality.js';
import type { IfNode } from '../ast.js';
import type { CompileContext } from '../compiler/context.js';
import { compileBlock } from '../compiler/compile.js';
import { compileExpression } from '../compiler/expressions.js';
import { NORMAL, type Render } from '../runtime/frame.js';

export function compileIf(node: IfNode, ctx: CompileContext): Render {
  const branches = node.branches.map((b) => ({ condition: compileExpression(b.condition, ctx), body: compileBlock(b.body, ctx) }));
  const otherwise = node.otherwise ? compileBlock(node.otherwise, ctx) : null;
  if (branches.length === 1) {
    const { condition, body } = branches[0]!;
    if (otherwise) return (f) => (isTruthy(condition(f)) ? body(f) : otherwise(f));
    return (f) => (isTruthy(condition(f)) ? body(f) : NORMAL);
  }
  return (f) => {
    for (let i = 0; i < branches.length; i++) {
      const b = branches[i]!;
      if (isTruthy(b.condition(f))) return b.body(f);
    }
    return otherwise ? otherwise(f) : NORMAL;
  };
}
