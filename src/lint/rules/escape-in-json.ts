/**
 * The `escapeJavaScript`-inside-JSON trap: `$util.escapeJavaScript` turns `'` into `\'`, which is not a
 * JSON escape, so `"name": "$util.escapeJavaScript($x)"` breaks on any value with an apostrophe. The
 * result may get there through variables: `#set($n = $util.escapeJavaScript($x))`, or a `#set` string
 * that embeds it (`#set($item = "{""name"": ""$util.escapeJavaScript($x)""}")`) and is printed later. The
 * usual fix is `.replaceAll("\\'","'")` on the result.
 */
import type { Expression, Reference, ReferenceStep, TemplateNode } from '../../vtl/ast.js';
import { regexLiteralText, replacementText } from '../analysis/java-regex-literal.js';
import { literalString } from '../analysis/value-kind.js';
import { walkOutput } from '../analysis/output-walk.js';
import type { LintFinding } from '../finding.js';
import type { LintTarget } from '../target.js';

function callsEscape(r: Reference): boolean {
  return r.root === 'util' && r.steps[0]?.kind === 'method' && r.steps[0].name === 'escapeJavaScript';
}

/** Whether a Java regex matches the text (for the simple patterns a fix uses, JavaScript's regexes agree). */
function regexMatches(regex: string, text: string): boolean {
  const literal = regexLiteralText(regex);
  if (literal !== undefined) return text.includes(literal);
  try {
    return new RegExp(regex).test(text);
  } catch {
    return false;
  }
}

/**
 * Whether a step turns `\'` back into `'`: `.replaceAll("\\'", "'")` (the regex `\\'` matches `\'`),
 * `.replace("\'", "'")` (a literal replace). A replacement of something else (`.replaceAll("\'", "'")`,
 * a no-op) is not a fix; one whose arguments are not literals is given the benefit of the doubt.
 */
function undoesEscape(step: ReferenceStep): boolean {
  if (step.kind !== 'method' || step.args.length !== 2) return false;
  const [from, to] = [literalString(step.args[0]), literalString(step.args[1])];
  if (step.name === 'replace') return from === undefined || to === undefined || (from === "\\'" && to === "'");
  if (step.name !== 'replaceAll' && step.name !== 'replaceFirst') return false;
  if (from === undefined || to === undefined) return true;
  return regexMatches(from, "\\'") && !regexMatches(from, "'") && replacementText(to) === "'";
}

function fixedAfter(r: Reference, from: number): boolean {
  return r.steps.slice(from).some(undoesEscape);
}

/** Whether the value of this reference holds an escapeJavaScript result that was not fixed. */
function unfixedEscape(r: Reference, escaped: ReadonlySet<string>): boolean {
  if (callsEscape(r)) return !fixedAfter(r, 1);
  return escaped.has(r.root) && !fixedAfter(r, 0);
}

/** Whether a string literal's text embeds an unfixed escapeJavaScript result. */
function embedsEscape(nodes: readonly TemplateNode[], escaped: ReadonlySet<string>): boolean {
  return nodes.some((n) => n.kind === 'reference' && unfixedEscape(n.reference, escaped));
}

function holdsEscape(v: Expression, escaped: ReadonlySet<string>): boolean {
  if (v.kind === 'reference') return unfixedEscape(v.reference, escaped);
  if (v.kind === 'interpolated') return embedsEscape(v.body, escaped);
  return false;
}

export function escapeJavaScriptInJson(t: LintTarget): LintFinding[] {
  // In JavaScript (a config.js a MOCK serves), \' is a valid escape: only JSON output is at risk.
  if (!t.json) return [];
  const findings: LintFinding[] = [];
  // Variables holding an unfixed escapeJavaScript result (flow-insensitive: any #set of one that does).
  const escaped = new Set<string>();
  walkOutput(t.nodes, {
    set(node) {
      if (node.target.steps.length > 0) return;
      if (holdsEscape(node.value, escaped)) escaped.add(node.target.root);
      else escaped.delete(node.target.root);
    },
    printed(r, state) {
      const direct = state.inString && unfixedEscape(r, escaped);
      // A variable holding a whole JSON fragment with the escape inside, printed outside quotes.
      const fragment = !state.inString && t.json && !callsEscape(r) && escaped.has(r.root) && !fixedAfter(r, 0) && r.steps.length === 0;
      if (direct || fragment) {
        findings.push(
          t.finding('escape-javascript-in-json', `$util.escapeJavaScript turns ' into \\', which is not valid JSON: add .replaceAll("\\\\'","'") to the result`, r.position),
        );
      }
    },
  });
  return findings;
}
