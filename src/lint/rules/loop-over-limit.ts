/**
 * API Gateway stops a `#foreach` after 1000 iterations, silently: the output is cut short and no error
 * says so. Found where the template shows the size: a range (`[1..5000]`), a list literal, or a body
 * array whose model allows more than 1000 items (`maxItems`).
 */
import { walkNodes } from '../../testing/analysis/walk.js';
import { literalString } from '../analysis/value-kind.js';
import { DEFAULT_LIMITS } from '../../vtl/runtime/limits.js';
import type { LintFinding } from '../finding.js';
import type { LintTarget } from '../target.js';

const LIMIT = DEFAULT_LIMITS.maxLoopIterations;

export function loopsOverLimit(t: LintTarget): LintFinding[] {
  const findings: LintFinding[] = [];
  walkNodes(t.nodes, {
    foreach(node) {
      const e = node.iterable;
      let size: number | undefined;
      let what = '';
      if (e.kind === 'range' && e.from.kind === 'literal' && e.to.kind === 'literal' && typeof e.from.value === 'number' && typeof e.to.value === 'number') {
        size = Math.abs(e.to.value - e.from.value) + 1;
        what = `the range has ${size} numbers`;
      } else if (e.kind === 'list') {
        size = e.items.length;
        what = `the list has ${size} items`;
      } else if (e.kind === 'reference' && e.reference.root === 'input' && e.reference.steps.length === 1 && t.models) {
        const step = e.reference.steps[0]!;
        const path = step.kind === 'method' && step.name === 'path' ? literalString(step.args[0]) : undefined;
        const max = path === undefined ? undefined : t.models.maxItemsAt(path);
        if (max !== undefined) {
          size = max;
          what = `the model allows ${max} items at ${path}`;
        }
      }
      if (size !== undefined && size > LIMIT) {
        findings.push(t.finding('loop-over-limit', `API Gateway stops a #foreach after ${LIMIT} iterations without an error, and ${what}: the output would be cut short`, node.position));
      }
    },
  });
  return findings;
}
