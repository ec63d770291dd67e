/**
 * Directives API Gateway does not run: `#macro` definitions vanish and macro calls print as written,
 * `#evaluate` and unknown `#name(…)` print as written, `#include` / `#parse` fail the request (500).
 */
import { lex } from '../../vtl/parser/lexer.js';
import { LineIndex } from '../../vtl/parser/source.js';
import type { LintFinding } from '../finding.js';

export function unsupportedDirectives(source: string): LintFinding[] {
  const lines = new LineIndex(source);
  const findings: LintFinding[] = [];
  for (const token of lex(source, lines)) {
    const at = (offset: number) => lines.position(offset);
    if (token.kind === 'directive' && token.name === 'macro') {
      findings.push({ rule: 'unsupported-directive', severity: 'warning' as const, message: '#macro is disabled on API Gateway: the definition is dropped and calls print as written', ...at(token.start) });
    } else if (token.kind === 'directive' && (token.name === 'include' || token.name === 'parse')) {
      findings.push({ rule: 'unsupported-directive', severity: 'error', message: `#${token.name} has no resources to load on API Gateway: the request fails with 500`, ...at(token.start) });
    } else if (token.kind === 'text' && token.printedDirective) {
      const name = token.printedDirective;
      const what = name === 'evaluate' ? '#evaluate is not available on API Gateway' : `#${name} is not a directive (a macro call, or a typo)`;
      findings.push({ rule: 'unsupported-directive', severity: 'warning', message: `${what}: it prints as written`, ...at(token.start) });
    }
  }
  return findings;
}
