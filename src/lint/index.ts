/**
 * `lintTemplate`: what in a mapping template will not do on API Gateway what it seems to — unknown
 * `$context` variables, directives API Gateway does not run, the 300 KB limit, the escapeJavaScript-in-JSON
 * trap — each with its line and column. A template that does not parse is one `syntax-error` finding, one
 * nested deeper than the compiler allows one `template-too-deep` finding.
 */
import { utf8Length } from '../platform/utf8-length.js';
import { MAX_TEMPLATE_BYTES } from '../vtl/runtime/limits.js';
import { VtlLimitError, VtlSyntaxError } from '../vtl/errors.js';
import { compileGuarded } from '../vtl/parser/limits.js';
import { parseTemplate } from '../vtl/parser/parse.js';
import type { LintFinding } from './finding.js';
import { contextVariables } from './rules/context-variables.js';
import { unsupportedDirectives } from './rules/directives.js';
import { escapeJavaScriptInJson } from './rules/escape-in-json.js';

export type { LintFinding, Severity } from './finding.js';

export function lintTemplate(source: string): LintFinding[] {
  const findings: LintFinding[] = [];
  const bytes = utf8Length(source);
  if (bytes > MAX_TEMPLATE_BYTES) {
    findings.push({ rule: 'template-too-large', severity: 'error', message: `the template is ${bytes} bytes; API Gateway's limit is 300 KB (${MAX_TEMPLATE_BYTES} bytes)`, line: 1, column: 1 });
  }
  let nodes;
  try {
    nodes = compileGuarded(() => parseTemplate(source));
  } catch (e) {
    if (e instanceof VtlLimitError) {
      return [...findings, { rule: 'template-too-deep', severity: 'error', message: e.reason, line: e.line, column: e.column }];
    }
    if (!(e instanceof VtlSyntaxError)) throw e;
    return [...findings, { rule: 'syntax-error', severity: 'error', message: e.reason, line: e.line, column: e.column }];
  }
  findings.push(...unsupportedDirectives(source), ...contextVariables(nodes), ...escapeJavaScriptInJson(nodes));
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}
