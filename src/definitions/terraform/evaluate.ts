/**
 * Evaluates HCL expressions the way Terraform would at plan time, as far as a configuration alone
 * allows. What is out of reach offline becomes `Unknown` (see values.ts) instead of an error; what is
 * wrong in the configuration itself (a list inside a string template, `1 + "a"`) is a DefinitionError
 * at the expression's line and column.
 */
import { DefinitionError } from '../definition-error.js';
import { callFunction } from './functions.js';
import type { SourceFile } from './source-file.js';
import type { Expr, TemplatePart } from './syntax.js';
import { asText, isRecord, Unknown, type Value } from './values.js';

export type Step = { kind: 'attribute'; name: string } | { kind: 'index'; key: Value };

/** What names mean where an expression is evaluated: a module's `var`, `local`, resources, or a template's `vars`. */
export interface Scope {
  /**
   * The value a reference starts with (`var.x` consumes one step, `aws_lambda_function.f.arn` two), or
   * undefined when the root name means nothing here.
   */
  reference(root: string, steps: readonly Step[], text: string): { value: Value; used: number } | undefined;
  /** The text of a file named by `file()` / `templatefile()`, resolved relative to the calling file. */
  readFile(path: string): { path: string; text: string } | undefined;
  /** Variables of a nested scope (`templatefile` vars) see nothing of the module. */
  nested?(vars: Record<string, Value>): Scope;
}

/** Nested enough for real configurations; a self-including template stops here. */
const MAX_DEPTH = 100;

export class Evaluator {
  private readonly bound: Map<string, Value>[] = [];
  private depth = 0;

  constructor(
    readonly file: SourceFile,
    readonly scope: Scope,
    /** What is being evaluated, for error messages: `aws_api_gateway_integration.get.uri`. */
    readonly where: string,
    readonly callDepth = 0,
  ) {}

  fail(expr: { start: number }, message: string): never {
    const { line, column } = this.file.position(expr.start);
    throw new DefinitionError(message, this.where, this.file.path, line, column);
  }

  text(expr: Expr): string {
    return this.file.text.slice(expr.start, expr.end).replace(/\s+/g, ' ');
  }

  unknown(expr: Expr): Unknown {
    return new Unknown(this.text(expr));
  }

  evaluate(expr: Expr): Value {
    if (++this.depth > MAX_DEPTH) this.fail(expr, `expressions nested more than ${MAX_DEPTH} deep`);
    try {
      return this.value(expr);
    } finally {
      this.depth--;
    }
  }

  private value(expr: Expr): Value {
    switch (expr.kind) {
      case 'literal':
        return expr.value;
      case 'template':
        return this.template(expr.parts, expr, true);
      case 'tuple':
        return expr.items.map((x) => this.evaluate(x));
      case 'object': {
        const out: Record<string, Value> = {};
        for (const item of expr.items) {
          const key = this.evaluate(item.key);
          if (key instanceof Unknown) return this.unknown(expr);
          const name = asText(key);
          if (name === undefined) this.fail(item.key, 'an object key must be a string');
          Object.defineProperty(out, name, { value: this.evaluate(item.value), enumerable: true, writable: true, configurable: true });
        }
        return out;
      }
      case 'variable':
      case 'attribute':
      case 'index':
        return this.traversal(expr);
      case 'splat': {
        const base = this.evaluate(expr.object);
        if (base instanceof Unknown) return this.unknown(expr);
        return Array.isArray(base) ? base : base === null ? [] : [base];
      }
      case 'call': {
        const args = expr.args.map((a) => this.evaluate(a));
        if (expr.expandLast) {
          const last = args.pop();
          if (last instanceof Unknown) return this.unknown(expr);
          if (!Array.isArray(last)) this.fail(expr.args[expr.args.length - 1]!, 'only a list can be expanded with ...');
          args.push(...last);
        }
        return callFunction(this, expr, args);
      }
      case 'unary': {
        const v = this.evaluate(expr.operand);
        if (v instanceof Unknown) return this.unknown(expr);
        return expr.op === '-' ? -this.number(v, expr.operand) : !this.bool(v, expr.operand);
      }
      case 'binary':
        return this.binary(expr);
      case 'conditional': {
        const c = this.evaluate(expr.condition);
        if (c instanceof Unknown) return this.unknown(expr);
        return this.evaluate(this.bool(c, expr.condition) ? expr.then : expr.else);
      }
      case 'for':
        return this.forExpression(expr);
    }
  }

  number(v: Value, at: Expr): number {
    if (typeof v === 'number') return v;
    if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?([eE][+-]?\d+)?\s*$/.test(v)) return Number(v);
    return this.fail(at, `expected a number, found ${describeValue(v)}`);
  }

  bool(v: Value, at: Expr): boolean {
    if (typeof v === 'boolean') return v;
    if (v === 'true' || v === 'false') return v === 'true';
    return this.fail(at, `expected true or false, found ${describeValue(v)}`);
  }

  private binary(expr: Extract<Expr, { kind: 'binary' }>): Value {
    const left = this.evaluate(expr.left);
    if (expr.op === '&&' && left === false) return false;
    if (expr.op === '||' && left === true) return true;
    const right = this.evaluate(expr.right);
    if (left instanceof Unknown || right instanceof Unknown) return this.unknown(expr);
    switch (expr.op) {
      case '==':
        return equal(left, right);
      case '!=':
        return !equal(left, right);
      case '&&':
        return this.bool(left, expr.left) && this.bool(right, expr.right);
      case '||':
        return this.bool(left, expr.left) || this.bool(right, expr.right);
    }
    const a = this.number(left, expr.left);
    const b = this.number(right, expr.right);
    switch (expr.op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
        return b === 0 ? this.fail(expr.right, 'division by zero') : a / b;
      case '%':
        return b === 0 ? this.fail(expr.right, 'division by zero') : a % b;
      case '<':
        return a < b;
      case '>':
        return a > b;
      case '<=':
        return a <= b;
      default:
        return a >= b;
    }
  }

  private traversal(expr: Expr): Value {
    const steps: Step[] = [];
    let node = expr;
    const nodes: Expr[] = [];
    while (node.kind === 'attribute' || node.kind === 'index') {
      nodes.unshift(node);
      node = node.object;
    }
    if (node.kind !== 'variable') {
      let value = this.evaluate(node);
      for (const n of nodes) value = this.step(value, n);
      return value;
    }
    for (const n of nodes) {
      if (n.kind === 'attribute') steps.push({ kind: 'attribute', name: n.name });
      else if (n.kind === 'index') {
        const key = this.evaluate(n.index);
        if (key instanceof Unknown) return this.unknown(expr);
        steps.push({ kind: 'index', key });
      }
    }
    for (let i = this.bound.length - 1; i >= 0; i--) {
      const frame = this.bound[i]!;
      if (frame.has(node.name)) {
        let value = frame.get(node.name) as Value;
        for (const n of nodes) value = this.step(value, n);
        return value;
      }
    }
    const found = this.scope.reference(node.name, steps, this.text(expr));
    if (!found) return this.unknown(expr);
    let value = found.value;
    for (const n of nodes.slice(found.used)) value = this.step(value, n);
    return value;
  }

  private step(value: Value, n: Expr): Value {
    if (value instanceof Unknown) return value;
    if (n.kind === 'attribute') {
      if (isRecord(value) && Object.hasOwn(value, n.name)) return value[n.name]!;
      if (value === null) this.fail(n, `cannot read '${n.name}' of null`);
      return new Unknown(this.text(n));
    }
    if (n.kind !== 'index') return value;
    const key = this.evaluate(n.index);
    if (key instanceof Unknown) return new Unknown(this.text(n));
    if (Array.isArray(value)) {
      const i = this.number(key, n.index);
      if (!Number.isInteger(i) || i < 0 || i >= value.length) this.fail(n.index, `index ${i} is out of range (the list has ${value.length} elements)`);
      return value[i]!;
    }
    const name = asText(key);
    if (isRecord(value) && name !== undefined && Object.hasOwn(value, name)) return value[name]!;
    return new Unknown(this.text(n));
  }

  /** `"${x}"` alone keeps x's type, as in Terraform; anything else is a string. */
  template(parts: readonly TemplatePart[], at: { start: number; end: number }, top = false): Value {
    const only = parts.length === 1 ? parts[0]! : undefined;
    if (top && only?.kind === 'interpolation') return this.evaluate(only.expr);
    let out = '';
    for (const part of parts) {
      if (part.kind === 'text') out += part.text;
      else if (part.kind === 'interpolation') out += this.stringPart(this.evaluate(part.expr), part.expr);
      else if (part.kind === 'if') {
        const c = this.evaluate(part.condition);
        if (c instanceof Unknown) out += c.placeholder;
        else out += this.stringPart(this.template(this.bool(c, part.condition) ? part.then : part.else, at), part.condition);
      } else {
        const collection = this.evaluate(part.collection);
        if (collection instanceof Unknown) {
          out += collection.placeholder;
          continue;
        }
        for (const [k, v] of this.entries(collection, part.collection)) {
          this.bound.push(new Map<string, Value>(part.keyName ? [[part.keyName, k], [part.valueName, v]] : [[part.valueName, v]]));
          try {
            out += this.stringPart(this.template(part.body, at), part.collection);
          } finally {
            this.bound.pop();
          }
        }
      }
    }
    return out;
  }

  private stringPart(v: Value, at: Expr): string {
    const s = asText(v);
    if (s !== undefined) return s;
    if (v === null) this.fail(at, 'cannot include null in a string template');
    return this.fail(at, `cannot include ${describeValue(v)} in a string template; use jsonencode() for a JSON text`);
  }

  /** Lists by index; maps and objects in key order, as Terraform iterates them. */
  private entries(collection: Value, at: Expr): [Value, Value][] {
    if (Array.isArray(collection)) return collection.map((v, i) => [i, v]);
    if (isRecord(collection)) return Object.keys(collection).sort().map((k) => [k, collection[k]!]);
    return this.fail(at, `cannot iterate over ${describeValue(collection)}`);
  }

  private forExpression(expr: Extract<Expr, { kind: 'for' }>): Value {
    const collection = this.evaluate(expr.collection);
    if (collection instanceof Unknown) return this.unknown(expr);
    const list: Value[] = [];
    const object: Record<string, Value> = {};
    for (const [k, v] of this.entries(collection, expr.collection)) {
      this.bound.push(new Map<string, Value>(expr.keyName ? [[expr.keyName, k], [expr.valueName, v]] : [[expr.valueName, v]]));
      try {
        if (expr.filter) {
          const keep = this.evaluate(expr.filter);
          if (keep instanceof Unknown) return this.unknown(expr);
          if (!this.bool(keep, expr.filter)) continue;
        }
        const value = this.evaluate(expr.value);
        if (!expr.key) {
          list.push(value);
          continue;
        }
        const key = this.evaluate(expr.key);
        if (key instanceof Unknown) return this.unknown(expr);
        const name = asText(key) ?? this.fail(expr.key, 'an object key must be a string');
        if (expr.grouping) {
          const group = Object.hasOwn(object, name) ? (object[name] as Value[]) : [];
          group.push(value);
          Object.defineProperty(object, name, { value: group, enumerable: true, writable: true, configurable: true });
        } else {
          if (Object.hasOwn(object, name)) this.fail(expr.key, `duplicate key '${name}' in the for expression (use ... to group)`);
          Object.defineProperty(object, name, { value, enumerable: true, writable: true, configurable: true });
        }
      } finally {
        this.bound.pop();
      }
    }
    return expr.key ? object : list;
  }
}

export function equal(a: Value, b: Value): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]!));
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && equal(a[k]!, b[k]!));
  }
  return a === b;
}

export function describeValue(v: Value): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (v instanceof Unknown) return v.placeholder;
  if (isRecord(v)) return 'an object';
  return `${typeof v} ${JSON.stringify(v)}`;
}
