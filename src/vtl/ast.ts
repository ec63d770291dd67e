/**
 * The template tree the compiler works from: velocityjs's AST, re-expressed with Velocity 1.7 semantics
 * (operator precedence, literal classes, whitespace already applied to text) and a source position on
 * every node that can fail at render time.
 */
import type { Value } from '../java/values.js';

/** 1-based line and column of a construct in the template source. */
export interface Position {
  line: number;
  column: number;
}

export type TemplateNode =
  | TextNode
  | ReferenceNode
  | SetNode
  | IfNode
  | ForeachNode
  | DefineNode
  | BreakNode
  | StopNode
  | UnsupportedDirectiveNode;

export interface TextNode {
  kind: 'text';
  text: string;
  position: Position;
  /**
   * Where the pieces of a text joined across a comment or an escape start: `text` from `offset` on
   * came from template line `line` (absent when the text is one piece, from `position` on).
   */
  pieces?: { offset: number; line: number }[];
}

/** `$ref` in the output. */
export interface ReferenceNode {
  kind: 'reference';
  reference: Reference;
}

export interface SetNode {
  kind: 'set';
  target: Reference;
  value: Expression;
  position: Position;
}

export interface IfBranch {
  condition: Expression;
  body: TemplateNode[];
  position: Position;
}

export interface IfNode {
  kind: 'if';
  branches: IfBranch[];
  otherwise: TemplateNode[] | null;
}

export interface ForeachNode {
  kind: 'foreach';
  variable: string;
  iterable: Expression;
  body: TemplateNode[];
  position: Position;
}

export interface DefineNode {
  kind: 'define';
  name: string;
  body: TemplateNode[];
  position: Position;
}

export interface BreakNode {
  kind: 'break';
  position: Position;
}

export interface StopNode {
  kind: 'stop';
  position: Position;
}

/** `#parse` / `#include`: API Gateway has no resources to load, so they fail when rendered. */
export interface UnsupportedDirectiveNode {
  kind: 'unsupported';
  directive: string;
  position: Position;
}

/** A reference: `$root` followed by property, method and index steps. */
export interface Reference {
  root: string;
  steps: ReferenceStep[];
  /** `$!x` / `$!{x}`. (On API Gateway quiet and normal references print the same.) */
  quiet: boolean;
  /** The source text, e.g. `$a.b($c)`: printed when a `#define` recurses too deep. */
  source: string;
  position: Position;
}

export type ReferenceStep =
  | { kind: 'property'; name: string }
  | { kind: 'method'; name: string; args: Expression[] }
  | { kind: 'index'; index: Expression };

export type Expression =
  | { kind: 'literal'; value: Value }
  | { kind: 'interpolated'; body: TemplateNode[] }
  | { kind: 'reference'; reference: Reference }
  | { kind: 'list'; items: Expression[] }
  | { kind: 'map'; entries: Array<[Expression, Expression]> }
  | { kind: 'range'; from: Expression; to: Expression; position: Position }
  | { kind: 'binary'; operator: BinaryOperator; left: Expression; right: Expression; position: Position }
  | { kind: 'not'; operand: Expression };

export type BinaryOperator = '+' | '-' | '*' | '/' | '%' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '&&' | '||';
