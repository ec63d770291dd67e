/** One lint finding: a rule, how serious, what, where in the template, and a fix when one is certain. */
import type { Position } from '../vtl/ast.js';
import type { RuleId } from './catalog.js';

export type Severity = 'error' | 'warning' | 'note';

/** Replace the template text from `start` up to (not including) `end` with `text`. */
export interface LintFix {
  start: Position;
  end: Position;
  text: string;
}

export interface LintFinding {
  rule: RuleId;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  /** A change that certainly does what the template meant (`apigw-vtl lint --fix` applies it). */
  fix?: LintFix;
}
