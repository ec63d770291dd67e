/**
 * `#foreach` over a string iterates nothing: Velocity 1.7 iterates lists, maps and arrays, and a string
 * is none of them. It happens with `$input.json('$.items')` (JSON text) where `$input.path('$.items')`
 * (the list) was meant, with `$input.params('ids')`, and with `"a,b,c"` (use `.split(",")`).
 */
import { walkNodes } from '../../testing/analysis/walk.js';
import { referenceEnd } from '../analysis/reference-span.js';
import { expressionKind } from '../analysis/value-kind.js';
import type { LintFinding, LintFix } from '../finding.js';
import type { LintTarget } from '../target.js';

export function foreachOverString(t: LintTarget): LintFinding[] {
  const findings: LintFinding[] = [];
  walkNodes(t.nodes, {
    foreach(node) {
      if (expressionKind(node.iterable, t.variables, t.models) !== 'string') return;
      let fix: LintFix | undefined;
      let hint = '; split it (.split(",")) or iterate a list';
      const e = node.iterable;
      if (e.kind === 'reference' && e.reference.root === 'input' && e.reference.steps.length === 1) {
        const step = e.reference.steps[0]!;
        if (step.kind === 'method' && step.name === 'json') {
          hint = `; $input.path(…) gives the list itself`;
          const start = t.offset(e.reference.position);
          const end = referenceEnd(t.source, start);
          const text = t.source.slice(start, end);
          if (text.startsWith('$input.json(')) fix = { start: e.reference.position, end: t.position(end), text: `$input.path(${text.slice('$input.json('.length)}` };
        }
      }
      const what = e.kind === 'reference' ? e.reference.source : 'a string';
      findings.push(t.finding('foreach-over-string', `#foreach over ${what}, a string: Velocity iterates lists and maps only, so the body never runs${hint}`, node.position, fix));
    },
  });
  return findings;
}
