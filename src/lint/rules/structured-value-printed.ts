/**
 * A map or list printed into JSON output. Velocity prints Java's `toString`: a map as `{name=Rex, age=3}`
 * and a list built in the template as `[a, b]` — not JSON. It happens with `$input.path('$')` or
 * `$input.path('$.pet')` (an object, when the model says so), `$input.params()` and its parts,
 * `$context.identity`, lists from literals, `split` or `keySet()`, and variables set to any of these. A
 * JSON array read from the body (`$input.path('$.items[*].id')`) prints as JSON on API Gateway, and
 * `$input.json(...)` prints JSON.
 */
import { walkOutput } from '../analysis/output-walk.js';
import { referenceKind } from '../analysis/value-kind.js';
import type { LintFinding } from '../finding.js';
import type { LintTarget } from '../target.js';

export function structuredValuePrinted(t: LintTarget): LintFinding[] {
  if (!t.json) return [];
  const findings: LintFinding[] = [];
  walkOutput(t.nodes, {
    printed(r, state) {
      if (state.inString) return;
      const kind = referenceKind(r, t.variables, t.models);
      if (kind !== 'map' && kind !== 'list') return;
      const shape = kind === 'map' ? '{key=value, …}' : '[a, b, …]';
      const json = r.root === 'input' && r.steps[0]?.kind === 'method' && r.steps[0].name === 'path' ? `; $input.json(…) with the same path prints JSON` : '';
      findings.push(t.finding('structured-value-printed', `${r.source} is a ${kind} and prints as ${shape} (Java's toString), not as JSON${json}`, r.position));
    },
  });
  return findings;
}
