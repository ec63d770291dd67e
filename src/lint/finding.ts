/** One lint finding: a rule, how serious, what, and where in the template. */
export type Severity = 'error' | 'warning';

export interface LintFinding {
  rule: 'syntax-error' | 'template-too-large' | 'template-too-deep' | 'unsupported-directive' | 'unknown-context-variable' | 'escape-javascript-in-json';
  severity: Severity;
  message: string;
  line: number;
  column: number;
}
