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
import type { LintFinding, Severity } from './finding.js';
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

/** A copy of the caller's options: own fields only (nothing inherited), read once, checked. */
function checkedOptions(options: LintOptions): LintOptions {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new InvalidInputError('lint options must be an object');
  try {
    const copy: LintOptions = {};
    for (const key of ['apiType', 'integrationType', 'side', 'authorizationType', 'apiKeyRequired', 'model', 'models'] as const) {
      if (Object.hasOwn(options, key) && options[key] !== undefined) (copy as Record<string, unknown>)[key] = options[key];
    }
    const rules = Object.hasOwn(options, 'rules') ? options.rules : undefined;
    if (rules !== undefined) {
      if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) throw new InvalidInputError('lint options: rules must be an object of rule → severity');
      const own: Partial<Record<RuleId, Severity | 'off'>> = Object.create(null) as Partial<Record<RuleId, Severity | 'off'>>;
      for (const [rule, severity] of Object.entries(rules)) {
        if (!isRuleId(rule)) throw new InvalidInputError(`lint options: there is no rule '${rule}' (rules: ${Object.keys(RULES).join(', ')})`);
        if (!SEVERITIES.has(severity as string)) throw new InvalidInputError(`lint options: the severity of ${rule} must be error, warning, note or off, got '${String(severity)}'`);
        own[rule] = severity as Severity | 'off';
      }
      copy.rules = own;
    }
    return copy;
  } catch (e) {
    if (e instanceof InvalidInputError) throw e;
    throw new InvalidInputError(`lint options could not be read: ${(e as Error)?.message ?? String(e)}`);
  }
}

function ownSeverity(options: LintOptions, rule: RuleId): Severity | undefined {
  const s = options.rules?.[rule];
  return s === 'off' ? undefined : s;
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
export function lintTemplate(source: string, given: LintOptions = {}): LintFinding[] {
  if (typeof source !== 'string') throw new InvalidInputError('the template must be a string');
  const options = checkedOptions(given);
  const findings: LintFinding[] = [];
  const bytes = utf8Length(source);
  if (bytes > MAX_TEMPLATE_BYTES) {
    // API Gateway refuses it whole (and so does compileTemplate): nothing else about it matters, and
    // reading a template of any size would take time without bound.
    if (options.rules?.['template-too-large'] === 'off') return [];
    return [{ rule: 'template-too-large', severity: ownSeverity(options, 'template-too-large') ?? 'error', message: `the template is ${bytes} bytes; API Gateway's limit is 300 KB (${MAX_TEMPLATE_BYTES} bytes)`, line: 1, column: 1 }];
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
