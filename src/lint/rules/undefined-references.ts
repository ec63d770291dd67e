/**
 * References to variables nothing defines: not an API Gateway variable (`$input`, `$util`, `$context`,
 * `$stageVariables`), not set by `#set`, not a `#foreach` or `#define` name. On API Gateway such a
 * reference prints nothing and is true in an `#if`, so the mistake goes unnoticed. Typical ones:
 * `$method.request.path.id` (the syntax of requestParameters, not of templates) and `${table.name}` left
 * by a string-formatting step that never ran.
 */
import type { Reference } from '../../vtl/ast.js';
import { walkNodes } from '../../testing/analysis/walk.js';
import { referenceEnd } from '../analysis/reference-span.js';
import type { LintFinding, LintFix } from '../finding.js';
import type { LintTarget } from '../target.js';

const GATEWAY_VARIABLES = new Set(['input', 'util', 'context', 'stageVariables']);
/** Names Velocity gives a loop body. */
const LOOP_VARIABLES = new Set(['foreach', 'velocityCount', 'velocityHasNext']);

const PARAMETER_LOCATIONS: Record<string, string> = { path: 'path', querystring: 'querystring', header: 'header' };

function propertyNames(r: Reference): string[] | undefined {
  const names: string[] = [];
  for (const s of r.steps) {
    if (s.kind !== 'property') return undefined;
    names.push(s.name);
  }
  return names;
}

/** `$method.request.path.id` → `$input.params().path.get('id')`, the template way to read it. */
function methodRequestFix(t: LintTarget, r: Reference): { replacement: string; fix?: LintFix } | undefined {
  const names = propertyNames(r);
  if (r.root !== 'method' || !names || names.length !== 3 || names[0] !== 'request') return undefined;
  const location = PARAMETER_LOCATIONS[names[1]!];
  if (!location || !/^[A-Za-z0-9_-]+$/.test(names[2]!)) return undefined;
  const start = t.offset(r.position);
  // A reference inside a #set value or an argument is recorded at the enclosing construct: only where
  // the text at its position is this reference is the span known, and a fix certain.
  const lead = /^\$!?\{?(?=method\.request\.)/.exec(t.source.slice(start, start + 20))?.[0];
  if (lead === undefined) return { replacement: `$input.params().${location}.get('${names[2]}')` };
  const end = referenceEnd(t.source, start);
  const call = `input.params().${location}.get('${names[2]}')`;
  // `${method.request.path.id}.json`: the braces keep the text after it out of the reference.
  const replacement = lead.endsWith('{') ? `${lead}${call}}` : `${lead}${call}`;
  return { replacement, fix: { start: r.position, end: t.position(end), text: replacement } };
}

export function undefinedReferences(t: LintTarget): LintFinding[] {
  const findings: LintFinding[] = [];
  const reported = new Set<string>();
  walkNodes(t.nodes, {
    reference(r) {
      if (GATEWAY_VARIABLES.has(r.root) || LOOP_VARIABLES.has(r.root) || t.assigned.has(r.root)) return;
      const name = `$${r.root}`;
      // Each $method.request.* has its own fix, so its own finding.
      const fixed = methodRequestFix(t, r);
      if (fixed) {
        findings.push(
          t.finding('undefined-reference', `${name} is not a template variable: method.request.* is the syntax of parameter mappings; in a template write ${fixed.replacement}`, r.position, fixed.fix),
        );
        return;
      }
      // Otherwise one finding per name and line: `$x.a $x.b` on one line is one mistake.
      const key = `${r.root}:${r.position.line}`;
      if (reported.has(key)) return;
      reported.add(key);
      const hint =
        r.root === 'method' || r.root === 'integration'
          ? ` (${r.root}.request.* / .response.* is the syntax of parameter mappings, not of templates)`
          : r.source.startsWith('${') && /^[a-z_][a-z0-9_]*$/.test(r.root) && r.root.includes('_')
            ? ' (a placeholder left by a string-formatting step that never ran?)'
            : /^(Input|INPUT|Util|Context|stagevariables|stageVariable|StageVariables)$/.test(r.root)
              ? ' (names are case-sensitive: $input, $util, $context, $stageVariables)'
              : '';
      findings.push(t.finding('undefined-reference', `${name} is never set and is not an API Gateway variable: it renders empty (and is true in an #if)${hint}`, r.position));
    },
  });
  return findings;
}
