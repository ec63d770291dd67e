/**
 * `lintTemplate`: what in a mapping template will not do on API Gateway what it seems to, each finding
 * with its line and column (and a fix where one is certain). The rules are in `rules/`, one per file;
 * `catalog.ts` lists them. A template that does not parse is one `syntax-error` finding, one nested
 * deeper than the compiler allows one `template-too-deep` finding.
 */
import { utf8Length } from '../platform/utf8-length.js';
import { MAX_TEMPLATE_BYTES } from '../vtl/runtime/limits.js';
import { VtlLimitError, VtlSyntaxError } from '../vtl/errors.js';
import { compileGuarded } from '../vtl/parser/limits.js';
import { parseTemplate } from '../vtl/parser/parse.js';
import { InvalidInputError } from '../gateway/validate-input.js';
import type { TemplateNode } from '../vtl/ast.js';
import { isRuleId, RULES, type RuleId } from './catalog.js';
import type { LintFinding } from './finding.js';
import type { LintOptions } from './options.js';
import { lintTarget, type LintTarget } from './target.js';
import { contextVariables } from './rules/context-variables.js';
import { unsupportedDirectives } from './rules/directives.js';
import { escapeJavaScriptInJson } from './rules/escape-in-json.js';
import { foreachOverString } from './rules/foreach-over-string.js';
import { inputJsonInQuotes } from './rules/json-in-quotes.js';
import { loopsOverLimit } from './rules/loop-over-limit.js';
import { noOpReplacements } from './rules/no-op-replacements.js';
import { structuredValuePrinted } from './rules/structured-value-printed.js';
import { undefinedReferences } from './rules/undefined-references.js';
import { unusedVariables } from './rules/unused-variables.js';
import { templateNotRun } from './rules/template-not-run.js';

export type { LintFinding, LintFix, Severity } from './finding.js';
export type { LintOptions } from './options.js';
export { RULES, RULE_IDS, isRuleId, type RuleId } from './catalog.js';
export { applyFixes } from './fix.js';

/** Each rule over the tree, with the ids of the findings it makes (a rule turned off is not run). */
const TREE_RULES: [RuleId[], (t: LintTarget) => LintFinding[]][] = [
  [['template-not-run'], templateNotRun],
  [['unknown-context-variable', 'context-variable-unavailable'], contextVariables],
  [['escape-javascript-in-json'], escapeJavaScriptInJson],
  [['undefined-reference'], undefinedReferences],
  [['no-op-replacement'], noOpReplacements],
  [['input-json-in-quotes'], inputJsonInQuotes],
  [['structured-value-printed'], structuredValuePrinted],
  [['foreach-over-string'], foreachOverString],
  [['unused-variable'], unusedVariables],
  [['loop-over-limit'], loopsOverLimit],
];

const SEVERITIES = new Set(['error', 'warning', 'note', 'off']);

function checkOptions(options: LintOptions): void {
  if (typeof options !== 'object' || options === null) throw new InvalidInputError('lint options must be an object');
  for (const [rule, severity] of Object.entries(options.rules ?? {})) {
    if (!isRuleId(rule)) throw new InvalidInputError(`lint options: there is no rule '${rule}' (rules: ${Object.keys(RULES).join(', ')})`);
    if (!SEVERITIES.has(severity as string)) throw new InvalidInputError(`lint options: the severity of ${rule} must be error, warning, note or off, got '${String(severity)}'`);
  }
}

function parsed(source: string, findings: LintFinding[]): TemplateNode[] | undefined {
  try {
    return compileGuarded(() => parseTemplate(source));
  } catch (e) {
    if (e instanceof VtlLimitError) findings.push({ rule: 'template-too-deep', severity: 'error', message: e.reason, line: e.line, column: e.column });
    else if (e instanceof VtlSyntaxError) findings.push({ rule: 'syntax-error', severity: 'error', message: e.reason, line: e.line, column: e.column });
    else throw e;
    return undefined;
  }
}

/** The findings for one template, in template order. */
export function lintTemplate(source: string, options: LintOptions = {}): LintFinding[] {
  if (typeof source !== 'string') throw new InvalidInputError('the template must be a string');
  checkOptions(options);
  const findings: LintFinding[] = [];
  const bytes = utf8Length(source);
  if (bytes > MAX_TEMPLATE_BYTES) {
    findings.push({ rule: 'template-too-large', severity: 'error', message: `the template is ${bytes} bytes; API Gateway's limit is 300 KB (${MAX_TEMPLATE_BYTES} bytes)`, line: 1, column: 1 });
  }
  const nodes = parsed(source, findings);
  if (nodes) {
    findings.push(...unsupportedDirectives(source));
    const target = lintTarget(source, nodes, options);
    for (const [ids, rule] of TREE_RULES) if (ids.some((id) => options.rules?.[id] !== 'off')) findings.push(...rule(target));
  }
  const severities = options.rules ?? {};
  return findings
    .flatMap((f) => {
      const severity = severities[f.rule];
      if (severity === 'off') return [];
      return [severity ? { ...f, severity } : f];
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
}
