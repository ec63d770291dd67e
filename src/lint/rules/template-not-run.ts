/**
 * A mapping template on a proxy integration (AWS_PROXY, HTTP_PROXY): API Gateway passes the request
 * through and never runs the template, so nothing in it happens. Known when linting a definition.
 */
import type { LintFinding } from '../finding.js';
import type { LintTarget } from '../target.js';

export function templateNotRun(t: LintTarget): LintFinding[] {
  const type = t.options.integrationType;
  if (type !== 'AWS_PROXY' && type !== 'HTTP_PROXY') return [];
  return [t.finding('template-not-run', `this template belongs to an ${type} integration, which passes the request through: API Gateway never runs it (use a non-proxy integration to transform)`, { line: 1, column: 1 })];
}
