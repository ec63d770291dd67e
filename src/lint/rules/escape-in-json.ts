/**
 * The `escapeJavaScript`-inside-JSON trap: `$util.escapeJavaScript` turns `'` into `\'`, which is not a
 * JSON escape, so `"name": "$util.escapeJavaScript($x)"` breaks on any value with an apostrophe. The usual
 * fix is `.replaceAll("\\'","'")` on the result. Found by following the template's output in order,
 * tracking whether it is inside a double-quoted string of the text around it.
 */
import type { Reference, TemplateNode } from '../../vtl/ast.js';
import type { LintFinding } from '../finding.js';

interface State {
  inString: boolean;
  /** Variables holding an unfixed escapeJavaScript result. */
  escaped: Set<string>;
}

const FIXES = new Set(['replaceAll', 'replace']);

function callsEscape(r: Reference): boolean {
  return r.root === 'util' && r.steps[0]?.kind === 'method' && r.steps[0].name === 'escapeJavaScript';
}

function fixedAfter(r: Reference, from: number): boolean {
  return r.steps.slice(from).some((s) => s.kind === 'method' && FIXES.has(s.name));
}

/** Whether printing this reference prints an escapeJavaScript result that was not fixed. */
function unfixedEscape(r: Reference, state: State): boolean {
  if (callsEscape(r)) return !fixedAfter(r, 1);
  return state.escaped.has(r.root) && !fixedAfter(r, 0);
}

function scanText(text: string, state: State): void {
  let backslashes = 0;
  for (const c of text) {
    if (c === '"' && backslashes % 2 === 0) state.inString = !state.inString;
    backslashes = c === '\\' ? backslashes + 1 : 0;
    if (c === '\n' && state.inString) state.inString = false; // JSON strings do not span lines: resynchronise
  }
}

function walk(nodes: readonly TemplateNode[], state: State, findings: LintFinding[]): void {
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        scanText(node.text, state);
        break;
      case 'reference':
        if (state.inString && unfixedEscape(node.reference, state)) {
          findings.push({
            rule: 'escape-javascript-in-json',
            severity: 'warning',
            message: `$util.escapeJavaScript turns ' into \\', which is not valid JSON: add .replaceAll("\\\\'","'") to the result`,
            line: node.reference.position.line,
            column: node.reference.position.column,
          });
        }
        break;
      case 'set': {
        const v = node.value;
        if (node.target.steps.length > 0) break;
        if (v.kind === 'reference' && unfixedEscape(v.reference, state)) state.escaped.add(node.target.root);
        else state.escaped.delete(node.target.root);
        break;
      }
      case 'if': {
        const before = { inString: state.inString, escaped: new Set(state.escaped) };
        let after: State | undefined;
        for (const branch of [...node.branches.map((b) => b.body), ...(node.otherwise ? [node.otherwise] : [])]) {
          const s = { inString: before.inString, escaped: new Set(before.escaped) };
          walk(branch, s, findings);
          after ??= s;
        }
        if (after) Object.assign(state, after);
        break;
      }
      case 'foreach':
        walk(node.body, state, findings);
        break;
      default:
        break;
    }
  }
}

export function escapeJavaScriptInJson(nodes: readonly TemplateNode[]): LintFinding[] {
  const findings: LintFinding[] = [];
  walk(nodes, { inString: false, escaped: new Set() }, findings);
  return findings;
}
