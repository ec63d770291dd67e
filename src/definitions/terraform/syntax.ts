/**
 * The HCL2 syntax tree the Terraform reader evaluates. Every node keeps its source offsets, so an error
 * can name the line and column and an expression that cannot be evaluated offline can be shown as written.
 */

export interface Span {
  /** Offset of the first character in the file's text. */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

export type TemplatePart =
  | { kind: 'text'; text: string }
  | { kind: 'interpolation'; expr: Expr }
  | { kind: 'if'; condition: Expr; then: TemplatePart[]; else: TemplatePart[] }
  | { kind: 'for'; keyName?: string; valueName: string; collection: Expr; body: TemplatePart[] };

export type Expr = Span &
  (
    | { kind: 'literal'; value: string | number | boolean | null }
    | { kind: 'template'; parts: TemplatePart[] }
    | { kind: 'variable'; name: string }
    | { kind: 'attribute'; object: Expr; name: string }
    | { kind: 'index'; object: Expr; index: Expr }
    | { kind: 'splat'; object: Expr }
    | { kind: 'call'; name: string; args: Expr[]; expandLast: boolean }
    | { kind: 'tuple'; items: Expr[] }
    | { kind: 'object'; items: ObjectItem[] }
    | { kind: 'unary'; op: '-' | '!'; operand: Expr }
    | { kind: 'binary'; op: string; left: Expr; right: Expr }
    | { kind: 'conditional'; condition: Expr; then: Expr; else: Expr }
    | { kind: 'for'; keyName?: string; valueName: string; collection: Expr; key?: Expr; value: Expr; filter?: Expr; grouping: boolean }
  );

export interface ObjectItem {
  /** A bare identifier key is its name (`{ a = 1 }`), not a reference to a variable `a`. */
  key: Expr;
  value: Expr;
}

export interface Attribute extends Span {
  name: string;
  expr: Expr;
}

export interface Block extends Span {
  type: string;
  labels: string[];
  body: Body;
}

export interface Body {
  attributes: Attribute[];
  blocks: Block[];
}
