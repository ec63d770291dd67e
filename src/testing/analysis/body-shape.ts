/**
 * What a template reads, found by reading the template: the JSON paths of the body it reaches
 * (`$input.path('$.a.b')`, `$input.json('$.a')`, `$root.x` after `#set($root = $input.path('$'))`,
 * `$item.name` inside `#foreach($item in $root.items)`) and the parameters it asks for
 * (`$input.params('id')`). The shape drives input generation when no schema or example is known.
 */
import { parseJsonPath } from '../../gateway/jsonpath/parse-path.js';
import type { Expression, Reference, ReferenceStep, TemplateNode } from '../../vtl/ast.js';
import { parseTemplate } from '../../vtl/parser/parse.js';
import { walkNodes } from './walk.js';

/** The part of a JSON body a template reads. */
export type BodyShape =
  | { kind: 'any' }
  | { kind: 'object'; fields: Map<string, BodyShape> }
  | { kind: 'array'; item: BodyShape };

export type Step = { kind: 'field'; name: string } | { kind: 'item' };

/** A body value an `#if` compares with a literal: `#if($input.path('$.type') == "dog")`. */
export interface ComparedValue {
  steps: Step[];
  value: string | number | boolean;
}

export interface TemplateReads {
  /** The body's shape, or undefined when the template never reads the body as JSON. */
  body?: BodyShape;
  /** Whether the template prints the raw body (`$input.body`). */
  rawBody: boolean;
  /** Parameter names read with `$input.params('name')`. */
  params: Set<string>;
  /**
   * Body values conditions compare with a literal (`==`, `!=`, `.equals(…)`): random bodies almost never
   * hold them, so generation puts them there to reach the branches they guard.
   */
  compared: ComparedValue[];
}

function literalString(e: Expression | undefined): string | undefined {
  return e?.kind === 'literal' && typeof e.value === 'string' ? e.value : undefined;
}

function pathSteps(path: string): Step[] | undefined {
  try {
    const steps: Step[] = [];
    for (const s of parseJsonPath(path).segments) {
      if (s.kind === 'property') steps.push({ kind: 'field', name: s.name });
      else if (s.kind === 'index' || s.kind === 'wildcard') steps.push({ kind: 'item' });
      else if (s.kind === 'properties') return steps; // a projection: stop at its parent
      else return steps; // deep scans and filters: what they reach is not a fixed shape
    }
    return steps;
  } catch {
    return undefined;
  }
}

class ShapeBuilder {
  root: BodyShape | undefined;

  add(steps: readonly Step[]): void {
    this.root = merge(this.root, build(steps));
  }
}

function build(steps: readonly Step[]): BodyShape {
  if (steps.length === 0) return { kind: 'any' };
  const [first, ...rest] = steps;
  if (first!.kind === 'item') return { kind: 'array', item: build(rest) };
  return { kind: 'object', fields: new Map([[first!.name, build(rest)]]) };
}

function merge(a: BodyShape | undefined, b: BodyShape): BodyShape {
  if (!a || a.kind === 'any') return b;
  if (b.kind === 'any') return a;
  if (a.kind === 'object' && b.kind === 'object') {
    const fields = new Map(a.fields);
    for (const [k, v] of b.fields) fields.set(k, merge(fields.get(k), v));
    return { kind: 'object', fields };
  }
  if (a.kind === 'array' && b.kind === 'array') return { kind: 'array', item: merge(a.item, b.item) };
  return a; // read both as an object and as a list: keep the first reading
}

/** The body path a reference reaches, when it starts from `$input.path/json` or a variable bound to one. */
function referencePath(r: Reference, bound: Map<string, Step[]>): Step[] | undefined {
  let steps: Step[] | undefined;
  let rest: readonly ReferenceStep[];
  const [first, ...after] = r.steps;
  if (r.root === 'input' && first?.kind === 'method' && (first.name === 'path' || first.name === 'json')) {
    const path = literalString(first.args[0]);
    steps = path === undefined ? undefined : pathSteps(path);
    rest = first.name === 'json' ? [] : after;
  } else if (bound.has(r.root)) {
    steps = bound.get(r.root);
    rest = r.steps;
  } else return undefined;
  if (!steps) return undefined;
  const out = [...steps];
  for (const step of rest) {
    if (step.kind === 'property') out.push({ kind: 'field', name: step.name });
    else if (step.kind === 'index') {
      const key = step.index.kind === 'literal' ? step.index.value : undefined;
      if (typeof key === 'string') out.push({ kind: 'field', name: key });
      else out.push({ kind: 'item' });
    } else if (step.name === 'get' && step.args.length === 1) {
      const key = literalString(step.args[0]);
      out.push(key === undefined ? { kind: 'item' } : { kind: 'field', name: key });
    } else break; // size(), toString(), keySet()…: the value is used, not walked into
  }
  return out;
}

function expressionPath(e: Expression, bound: Map<string, Step[]>): Step[] | undefined {
  return e.kind === 'reference' ? referencePath(e.reference, bound) : undefined;
}

/** Enough literals to aim at every branch of a real template, without letting a generated one grow without bound. */
const MAX_COMPARED = 64;

/** What a template (its source text) reads from the request. @throws VtlSyntaxError */
export function templateReads(source: string): TemplateReads {
  return readsOfTree(parseTemplate(source));
}

/** Reads a parsed template for what it takes from the request. */
export function readsOfTree(nodes: readonly TemplateNode[]): TemplateReads {
  const shape = new ShapeBuilder();
  const bound = new Map<string, Step[]>();
  const reads: TemplateReads = { rawBody: false, params: new Set(), compared: [] };
  const compare = (reference: Expression, literal: Expression) => {
    const steps = expressionPath(reference, bound);
    const value = literal.kind === 'literal' ? literal.value : undefined;
    if (steps && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') && reads.compared.length < MAX_COMPARED) reads.compared.push({ steps, value });
  };
  const comparisons = (e: Expression): void => {
    if (e.kind === 'binary' && (e.operator === '==' || e.operator === '!=')) {
      compare(e.left, e.right);
      compare(e.right, e.left);
    } else if (e.kind === 'binary') {
      comparisons(e.left);
      comparisons(e.right);
    } else if (e.kind === 'not') comparisons(e.operand);
    else if (e.kind === 'reference') {
      // `$x.equals("dog")`, `$x.equalsIgnoreCase("dog")`
      const last = e.reference.steps[e.reference.steps.length - 1];
      if (last?.kind === 'method' && (last.name === 'equals' || last.name === 'equalsIgnoreCase') && last.args.length === 1) {
        compare({ kind: 'reference', reference: { ...e.reference, steps: e.reference.steps.slice(0, -1) } }, last.args[0]!);
      }
    }
  };
  walkNodes(nodes, {
    condition: comparisons,
    reference(r) {
      if (r.root === 'input' && r.steps[0]?.kind === 'property' && r.steps[0].name === 'body') reads.rawBody = true;
      if (r.root === 'input' && r.steps[0]?.kind === 'method' && r.steps[0].name === 'params') {
        const name = literalString(r.steps[0].args[0]);
        if (name !== undefined) reads.params.add(name);
      }
      const steps = referencePath(r, bound);
      if (steps) shape.add(steps);
    },
    set(node) {
      if (node.target.steps.length > 0) return;
      const steps = expressionPath(node.value, bound);
      if (steps) bound.set(node.target.root, steps);
      else bound.delete(node.target.root);
    },
    foreach(node) {
      const steps = expressionPath(node.iterable, bound);
      if (!steps) return;
      shape.add([...steps, { kind: 'item' }]);
      bound.set(node.variable, [...steps, { kind: 'item' }]);
    },
    foreachEnd(node) {
      bound.delete(node.variable);
    },
  });
  if (shape.root) reads.body = shape.root;
  return reads;
}
