/**
 * `"$input.json('$.name')"`: `$input.json` returns JSON — a string comes with its own quotes — so
 * quoting it again gives `""Rex""`, and an object becomes a string of JSON. The fix is to drop the
 * quotes (certain when they sit right around the reference).
 */
import type { Reference } from '../../vtl/ast.js';
import { referenceEnd } from '../analysis/reference-span.js';
import { walkOutput } from '../analysis/output-walk.js';
import type { LintFinding } from '../finding.js';
import type { LintTarget } from '../target.js';

function isInputJson(r: Reference): boolean {
  const first = r.steps[0];
  return r.root === 'input' && first?.kind === 'method' && first.name === 'json' && r.steps.length === 1;
}

export function inputJsonInQuotes(t: LintTarget): LintFinding[] {
  const findings: LintFinding[] = [];
  // Variables holding $input.json text: `#set($tags = $input.json('$.tags'))` then `"$tags"`.
  const holdsJson = new Set<string>();
  walkOutput(t.nodes, {
    set(node) {
      if (node.target.steps.length > 0) return;
      if (node.value.kind === 'reference' && isInputJson(node.value.reference)) holdsJson.add(node.target.root);
      else holdsJson.delete(node.target.root);
    },
    printed(r, state) {
      if (state.inString && r.steps.length === 0 && holdsJson.has(r.root)) {
        findings.push(t.finding('input-json-in-quotes', `$${r.root} holds $input.json text (JSON, a string with its quotes), so inside quotes it is double-encoded: print it without the quotes`, r.position));
        return;
      }
      if (!state.inString || !isInputJson(r)) return;
      const start = t.offset(r.position);
      const end = referenceEnd(t.source, start);
      // Without the closing quote, text right after it could join the reference: `"…"[1..3]`, `"…".x`.
      const joins = /^(?:[[(]|\.[A-Za-z_])/.test(t.source.slice(end + 1, end + 3));
      const here = /^\$!?\{?input\.json\(/.test(t.source.slice(start, start + 16));
      const quoted = here && t.source[start - 1] === '"' && t.source[end] === '"' && !joins;
      const fix = quoted ? { start: t.position(start - 1), end: t.position(end + 1), text: t.source.slice(start, end) } : undefined;
      findings.push(
        t.finding('input-json-in-quotes', `$input.json returns JSON (a string with its quotes), so inside quotes it is double-encoded: drop the quotes, or use $input.path for the raw value`, r.position, fix),
      );
    },
  });
  return findings;
}
