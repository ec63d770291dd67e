/** Visits every reference, `#set` and `#foreach` of a template tree, string literals included. */
import type { Expression, ForeachNode, Reference, SetNode, TemplateNode } from '../../vtl/ast.js';

export interface Visitor {
  /** `printed`: the reference is output directly (not an argument or a #set value). */
  reference?(reference: Reference, printed: boolean): void;
  set?(node: SetNode): void;
  foreach?(node: ForeachNode): void;
  /** Called after a #foreach body has been walked. */
  foreachEnd?(node: ForeachNode): void;
  /** An `#if` / `#elseif` condition, before its references are visited. */
  condition?(expression: Expression): void;
}

export function walkExpression(e: Expression, visitor: Visitor): void {
  switch (e.kind) {
    case 'reference':
      walkReference(e.reference, visitor, false);
      return;
    case 'interpolated':
      walkNodes(e.body, visitor);
      return;
    case 'list':
      e.items.forEach((i) => walkExpression(i, visitor));
      return;
    case 'map':
      e.entries.forEach(([k, v]) => (walkExpression(k, visitor), walkExpression(v, visitor)));
      return;
    case 'range':
      walkExpression(e.from, visitor);
      walkExpression(e.to, visitor);
      return;
    case 'binary':
      walkExpression(e.left, visitor);
      walkExpression(e.right, visitor);
      return;
    case 'not':
      walkExpression(e.operand, visitor);
      return;
    case 'literal':
      return;
  }
}

function walkReference(r: Reference, visitor: Visitor, printed: boolean): void {
  visitor.reference?.(r, printed);
  for (const step of r.steps) {
    if (step.kind === 'method') step.args.forEach((a) => walkExpression(a, visitor));
    else if (step.kind === 'index') walkExpression(step.index, visitor);
  }
}

export function walkNodes(nodes: readonly TemplateNode[], visitor: Visitor): void {
  for (const node of nodes) {
    switch (node.kind) {
      case 'reference':
        walkReference(node.reference, visitor, true);
        break;
      case 'set':
        walkExpression(node.value, visitor);
        walkReference(node.target, visitor, false);
        visitor.set?.(node);
        break;
      case 'if':
        for (const branch of node.branches) {
          visitor.condition?.(branch.condition);
          walkExpression(branch.condition, visitor);
          walkNodes(branch.body, visitor);
        }
        if (node.otherwise) walkNodes(node.otherwise, visitor);
        break;
      case 'foreach':
        walkExpression(node.iterable, visitor);
        visitor.foreach?.(node);
        walkNodes(node.body, visitor);
        visitor.foreachEnd?.(node);
        break;
      case 'define':
        walkNodes(node.body, visitor);
        break;
      default:
        break;
    }
  }
}
