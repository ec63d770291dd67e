/**
 * The counters of one instrumented template. Compiling with coverage on registers a probe per statement
 * and per branch outcome; the compiled closures bump its counter as they run. Instrumentation exists only
 * in templates compiled for coverage, so others pay nothing.
 */
import type { Position } from '../vtl/ast.js';

/** What a branch point is: an `#if` chain, a `#foreach` (entered or not), a printed reference (a value or nothing). */
export type BranchKind = 'if' | 'foreach' | 'reference';

export interface StatementProbe {
  /** Template lines the statement covers (a text node covers each of its lines that is not blank). */
  lines: number[];
  counter: number;
}

export interface BranchProbe {
  kind: BranchKind;
  position: Position;
  /** One per outcome: `#if line 3`, `#elseif line 5`, `#else` or `no branch taken`; `loop body ran` / `loop body skipped`; `$x with a value` / `$x empty`. */
  outcomes: string[];
  /** The counter of the first outcome; the others follow it. */
  counter: number;
}

export class CoverageProbes {
  readonly statements: StatementProbe[] = [];
  readonly branches: BranchProbe[] = [];
  /** Where the next probe's counter goes. */
  private cursor = 0;

  constructor(
    /**
     * Shared by the compiled closures: a plain array of small integers, bumped in place. Another compile
     * of the same template passes the first one's, so both count into it (compiling is deterministic:
     * the probes come in the same order).
     */
    readonly counts: number[] = [],
  ) {}

  private next(): number {
    if (this.cursor === this.counts.length) this.counts.push(0);
    return this.cursor++;
  }

  statement(lines: number[]): number {
    const counter = this.next();
    this.statements.push({ lines, counter });
    return counter;
  }

  branch(kind: BranchKind, position: Position, outcomes: string[]): number {
    const counter = this.next();
    for (let i = 1; i < outcomes.length; i++) this.next();
    this.branches.push({ kind, position: { line: position.line, column: position.column }, outcomes, counter });
    return counter;
  }
}

/** The lines of a text node that hold more than whitespace, from its first line. */
export function textLines(text: string, first: number): number[] {
  const lines: number[] = [];
  let line = first;
  let blank = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) {
      if (!blank) lines.push(line);
      if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      line++;
      blank = true;
    } else if (c !== 0x20 && c !== 0x09) blank = false;
  }
  if (!blank) lines.push(line);
  return lines;
}
