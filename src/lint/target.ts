/**
 * A template as the rules see it: its text, its tree, where lines start, what it may know of the
 * method, and facts read once for every rule (which variables it sets, of what kind).
 */
import type { Expression, Reference, TemplateNode } from '../vtl/ast.js';
import { LineIndex } from '../vtl/parser/source.js';
import { walkNodes } from '../testing/analysis/walk.js';
import { expressionKind, type ValueKind } from './analysis/value-kind.js';
import { modelShapes, type ModelShapes, type Schema } from './analysis/model-shapes.js';
import { printsJson } from './analysis/output-walk.js';
import { RULES, type RuleId } from './catalog.js';
import type { LintFinding, LintFix } from './finding.js';
import type { LintOptions } from './options.js';
import type { Position } from '../vtl/ast.js';

export interface LintTarget {
  source: string;
  nodes: readonly TemplateNode[];
  lines: LineIndex;
  options: LintOptions;
  /** Names a `#set($name = …)`, `#foreach($name in …)` or `#define($name)` gives a value. */
  assigned: ReadonlySet<string>;
  /** Variables whose every `#set` gives the same kind of value. */
  variables: ReadonlyMap<string, ValueKind>;
  models: ModelShapes | undefined;
  /** Whether the output is JSON (it starts with `{` or `[`). */
  json: boolean;
  /** A finding of a rule, at its default severity. */
  finding(rule: RuleId, message: string, at: Position, fix?: LintFix): LintFinding;
  /** The template offset of a position, and back. */
  offset(at: Position): number;
  position(offset: number): Position;
}

function collectAssignments(nodes: readonly TemplateNode[]): { assigned: Set<string>; sets: Map<string, Expression[]> } {
  const assigned = new Set<string>();
  const sets = new Map<string, Expression[]>();
  const visitDefines = (list: readonly TemplateNode[]) => {
    for (const n of list) {
      if (n.kind === 'define') {
        assigned.add(n.name);
        visitDefines(n.body);
      } else if (n.kind === 'if') {
        n.branches.forEach((b) => visitDefines(b.body));
        if (n.otherwise) visitDefines(n.otherwise);
      } else if (n.kind === 'foreach') visitDefines(n.body);
    }
  };
  visitDefines(nodes);
  walkNodes(nodes, {
    set(node) {
      if (node.target.steps.length > 0) return;
      assigned.add(node.target.root);
      const list = sets.get(node.target.root) ?? [];
      list.push(node.value);
      sets.set(node.target.root, list);
    },
    foreach(node) {
      assigned.add(node.variable);
    },
  });
  return { assigned, sets };
}

export function lintTarget(source: string, nodes: readonly TemplateNode[], options: LintOptions): LintTarget {
  const lines = new LineIndex(source);
  const { assigned, sets } = collectAssignments(nodes);
  const models = options.model !== undefined ? modelShapes(options.model, (options.models ?? {}) as Record<string, Schema>) : undefined;
  // Kinds settle in a few rounds when variables are set from one another.
  const variables = new Map<string, ValueKind>();
  for (let round = 0; round < 3; round++) {
    for (const [name, values] of sets) {
      const kinds = new Set(values.map((v) => expressionKind(v, variables, models)));
      if (kinds.size === 1) variables.set(name, [...kinds][0]!);
      else variables.delete(name);
    }
  }
  for (const [name, kind] of variables) if (kind === 'unknown') variables.delete(name);
  return {
    source,
    nodes,
    lines,
    options,
    assigned,
    variables,
    models,
    json: printsJson(nodes),
    finding: (rule, message, at, fix) => ({ rule, severity: RULES[rule].severity, message, line: at.line, column: at.column, ...(fix ? { fix } : {}) }),
    offset: (at) => lines.offset(at.line, at.column - 1),
    position: (offset) => lines.position(offset),
  };
}

/** The text of a reference in the template, from its position to its end. */
export function referenceText(t: LintTarget, r: Reference, end: number): string {
  return t.source.slice(t.offset(r.position), end);
}
