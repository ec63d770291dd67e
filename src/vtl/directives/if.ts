/**
 * `#if` / `#elseif` / `#else`. A reference is false only when its value is null or `false`, so an empty
 * string, `0`, an empty list and (on API Gateway) an undefined reference are all true; see
 * compileCondition for how literals and arithmetic behave in a condition.
 */
import type { IfNode } from '../ast.js';
import type { CompileContext } from '../compiler/context.js';
import { compileBlock } from '../compiler/compile.js';
import { compileCondition } from '../compiler/expressions.js';
import { NORMAL, type Render } from '../runtime/frame.js';

export function compileIf(node: IfNode, ctx: CompileContext): Render {
  const branches = node.branches.map((b) => ({ condition: compileCondition(b.condition, ctx), body: compileBlock(b.body, ctx) }));
  const otherwise = node.otherwise ? compileBlock(node.otherwise, ctx) : null;
  if (branches.length === 1) {
    const { condition, body } = branches[0]!;
    if (otherwise) return (f) => (condition(f) ? body(f) : otherwise(f));
    return (f) => (condition(f) ? body(f) : NORMAL);
  }
  return (f) => {
    for (let i = 0; i < branches.length; i++) {
      const b = branches[i]!;
      if (b.condition(f)) return b.body(f);
    }
    return otherwise ? otherwise(f) : NORMAL;
  };
}
