/**
 * A `#set($x = …)` that nothing reads: a typo in the name that reads it, or leftover code. Setting a
 * variable to the result of a call made for its effect (`#set($ignored = $list.add($x))`) is an idiom,
 * not a mistake, and so is a name that says it is unused.
 */
import type { Expression, SetNode } from '../../vtl/ast.js';
import { walkNodes } from '../../testing/analysis/walk.js';
import type { LintFinding } from '../finding.js';
import type { LintTarget } from '../target.js';

/** Calls made for what they do to a list or map. */
const MUTATORS = new Set(['add', 'addAll', 'put', 'putAll', 'remove', 'removeAll', 'clear', 'set', 'retainAll', 'putIfAbsent', 'replace']);
const UNUSED_NAMES = /^(_.*|dummy\w*|ignored?\w*|unused\w*|void\w*|discard\w*)$/i;

function calledForEffect(value: Expression): boolean {
  if (value.kind !== 'reference') return false;
  const last = value.reference.steps[value.reference.steps.length - 1];
  return last?.kind === 'method' && MUTATORS.has(last.name);
}

/** How often each `$name`, `$!name`, `${name}` or `$!{name}` appears in the text, comments left out. */
function mentions(source: string): Map<string, number> {
  const code = source.replace(/#\*[\s\S]*?\*#|#\[\[[\s\S]*?\]\]#|##[^\n]*/g, '');
  const counts = new Map<string, number>();
  for (const m of code.matchAll(/\$!?\{?([A-Za-z][A-Za-z0-9_-]*)/g)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  return counts;
}

export function unusedVariables(t: LintTarget): LintFinding[] {
  // Every reference counts, #set targets included (the walk visits them too); a plain target is not a read.
  const references = new Map<string, number>();
  const plainTargets = new Map<string, number>();
  const sets: SetNode[] = [];
  walkNodes(t.nodes, {
    reference(r) {
      references.set(r.root, (references.get(r.root) ?? 0) + 1);
    },
    set(node) {
      if (node.target.steps.length > 0) return;
      plainTargets.set(node.target.root, (plainTargets.get(node.target.root) ?? 0) + 1);
      if (!calledForEffect(node.value)) sets.push(node);
    },
  });
  const findings: LintFinding[] = [];
  const reported = new Set<string>();
  let inText: Map<string, number> | undefined;
  for (const node of sets) {
    const name = node.target.root;
    if (reported.has(name) || UNUSED_NAMES.test(name)) continue;
    if ((references.get(name) ?? 0) > (plainTargets.get(name) ?? 0)) continue;
    // Used where the tree does not see a reference: an argument of #evaluate or of a macro call, which
    // print as text (and are reported as such).
    inText ??= mentions(t.source);
    if ((inText.get(name) ?? 0) > (plainTargets.get(name) ?? 0)) continue;
    reported.add(name);
    findings.push(t.finding('unused-variable', `$${name} is set but never read: a misspelt name where it is used, or code left over`, node.position));
  }
  return findings;
}
