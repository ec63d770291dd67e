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
import type { CoverageProbes } from '../../coverage/probes.js';

export function compileIf(node: IfNode, ctx: CompileContext): Render {
  if (ctx.coverage) return compileCountedIf(node, ctx, ctx.coverage);
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

/**
 * `#if` compiled for coverage: each branch counts when it is taken (with "no branch" when nothing is
 * and there is no `#else`), and an `#elseif` line counts when its condition is tested.
 */
function compileCountedIf(node: IfNode, ctx: CompileContext, probes: CoverageProbes): Render {
  const counts = probes.counts;
  const outcomes = node.branches.map((b, i) => (i === 0 ? `#if line ${b.position.line}` : `#elseif line ${b.position.line}`));
  outcomes.push(node.otherwise ? '#else' : 'no branch taken');
  const first = probes.branch('if', node.branches[0]!.position, outcomes);
  const branches = node.branches.map((b, i) => ({
    condition: compileCondition(b.condition, ctx),
    body: compileBlock(b.body, ctx),
    tested: i === 0 ? -1 : probes.statement([b.position.line]),
  }));
  const otherwise = node.otherwise ? compileBlock(node.otherwise, ctx) : null;
  return (f) => {
    for (let i = 0; i < branches.length; i++) {
      const b = branches[i]!;
      if (b.tested >= 0) counts[b.tested]!++;
      if (b.condition(f)) {
        counts[first + i]!++;
        return b.body(f);
      }
    }
    counts[first + branches.length]!++;
    return otherwise ? otherwise(f) : NORMAL;
  };
}
