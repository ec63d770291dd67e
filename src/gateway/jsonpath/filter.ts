/**
 * Jayway JsonPath 2.0.0's inline filters, `[?(@.price < 10 && @.tag =~ /^a/i)]`. Templates are untrusted,
 * so a filter may only read values and compare them: it can never call a function or reach a prototype.
 *
 * The 2.0.0 language is small and odd, and kept as it is:
 * - the text is split at every `&&` and `||` (quotes do not protect them) and folded from the right with
 *   no precedence and no parentheses: `a && b || c` is `a && (b || c)`;
 * - a criterion is `left op right` with the first of `== >= <= != < > =~` found in it, or a bare path
 *   (an existence test, `!@.x` for absence); `in`, `nin`, `size`, `empty` do not exist (the text is then
 *   read as a path, which has a space: an invalid path);
 * - an operand is a definite path (`@…` on the current item, `$…` on the root), a `'quoted'` string, a
 *   `/regex/` or `/regex/i`, or else its raw text: numbers, `true`, `null` and `"text"` stay strings and
 *   the comparison ({@link safeCompare}) gives them their meaning.
 */
import { JavaException } from '../../java/exceptions.js';
import { javaTrim } from '../../java/java-trim.js';
import type { Meter } from '../../java/meter.js';
import { toJavaString } from '../../java/print.js';
import type { Value } from '../../java/values.js';
import { safeCompare, UNCOMPARABLE } from './compare.js';
import { CompileFailure, parseJsonPath, type ParsedPath } from './parse-path.js';
import { compileFilterPattern, type FilterPattern } from './regex.js';

export type Operand =
  | { kind: 'path'; path: ParsedPath }
  | { kind: 'text'; value: string }
  | { kind: 'pattern'; pattern: FilterPattern };

export type Comparison = '==' | '!=' | '<' | '<=' | '>' | '>=' | '=~';

export type Criterion =
  | { kind: 'exists'; path: ParsedPath; present: boolean }
  | { kind: 'compare'; op: Comparison; left: Operand; right: Operand };

/**
 * Jayway's right fold as a chain, so that a filter of any length is tested without recursion: `first`
 * is tested first, then each of `rest` is combined in with `&&` or `||`.
 */
export interface FilterNode {
  first: Criterion;
  rest: Array<{ and: boolean; criterion: Criterion }>;
}

/** Jayway's operator search order: the first one found anywhere in the criterion wins. */
const OPERATORS: Comparison[] = ['==', '>=', '<=', '!=', '<', '>', '=~'];

const INVALID_PATH = 'com.jayway.jsonpath.InvalidPathException';

/**
 * Parses a filter fragment `[?(…)]` as `Filter.parse` does.
 * @throws CompileFailure (wrapped by the path compiler into a JsonPathSyntaxError)
 */
export function parseFilter(text: string): FilterNode {
  let s = javaTrim(text);
  if (!s.startsWith('[') || !s.endsWith(']')) throw new CompileFailure(INVALID_PATH, "Filter must start with '[' and end with ']'. " + s);
  s = javaTrim(s.slice(1, -1));
  if (!s.startsWith('?')) throw new CompileFailure(INVALID_PATH, "Filter must start with '[?' and end with ']'. " + s);
  s = javaTrim(s.slice(1));
  if (!s.startsWith('(') || !s.endsWith(')')) throw new CompileFailure(INVALID_PATH, "Filter must start with '[?(' and end with ')]'. " + s);
  s = javaTrim(s.slice(1, -1));

  const criteria: Criterion[] = [];
  const operators: string[] = [];
  for (const piece of s.split(/(?<=&&|\|\|)|(?=&&|\|\|)/)) {
    const t = javaTrim(piece);
    if (t === '&&' || t === '||') operators.push(t);
    else criteria.push(parseCriterion(clean(piece)));
  }
  const first = criteria.pop();
  if (first === undefined) throw new CompileFailure(INVALID_PATH, 'Invalid operators ' + s);
  const filter: FilterNode = { first, rest: [] };
  while (operators.length > 0) {
    const op = operators.pop()!;
    const criterion = criteria.pop();
    if (criterion === undefined) throw new CompileFailure(INVALID_PATH, 'Invalid operators ' + s);
    filter.rest.push({ and: op === '&&', criterion });
  }
  if (criteria.length > 0) throw new CompileFailure(INVALID_PATH, 'Invalid operators ' + s);
  return filter;
}

/** Strips the `[?(` and `)` left on the first and last criteria. */
function clean(piece: string): string {
  let start = 0;
  let end = piece.length - 1;
  while (start < piece.length && '[?( '.includes(piece[start]!)) start++;
  while (end >= 0 && ') '.includes(piece[end]!)) end--;
  if (start > end) throw new CompileFailure('java.lang.StringIndexOutOfBoundsException', `String index out of range: ${start}`);
  return piece.slice(start, end + 1);
}

function parseCriterion(text: string): Criterion {
  const op = OPERATORS.find((o) => text.includes(o));
  const at = op === undefined ? -1 : text.indexOf(op);
  const left = op === undefined ? javaTrim(text) : javaTrim(text.slice(0, at));
  const right = op === undefined ? '' : javaTrim(text.slice(at + op.length));

  let negated = false;
  let leftOperand: Operand;
  if (isPath(left)) {
    const body = left[0] === '!' ? ((negated = true), left.slice(1)) : left;
    leftOperand = { kind: 'path', path: definitePath(body) };
  } else {
    leftOperand = literal(left);
  }
  let rightOperand: Operand = literal(right);
  if (isPath(right)) {
    if (right[0] === '!') throw new CompileFailure(INVALID_PATH, 'Invalid negation! Can only be used for existence check e.g [?(!@.foo)]');
    rightOperand = { kind: 'path', path: definitePath(right) };
  }
  if (leftOperand.kind === 'path' && op === undefined) return { kind: 'exists', path: leftOperand.path, present: !negated };
  if (op === undefined) throw new CompileFailure('java.lang.IllegalArgumentException', 'No enum constant for an empty operator');
  return { kind: 'compare', op, left: leftOperand, right: rightOperand };
}

function isPath(s: string): boolean {
  return s.startsWith('$') || s.startsWith('@') || s.startsWith('!@');
}

function definitePath(text: string): ParsedPath {
  const path = parseJsonPath(text);
  if (!path.definite) throw new CompileFailure(INVALID_PATH, `the predicate path: ${text} is not definite`);
  return path;
}

function literal(text: string): Operand {
  if (text.length >= 2 && text[0] === "'" && text[text.length - 1] === "'") return { kind: 'text', value: text.slice(1, -1) };
  if (text.length >= 2 && text[0] === '/' && (text[text.length - 1] === '/' || (text[text.length - 2] === '/' && text[text.length - 1] === 'i'))) {
    const caseInsensitive = text.endsWith('i');
    return { kind: 'pattern', pattern: compileFilterPattern(text.slice(1, text.lastIndexOf('/')), caseInsensitive) };
  }
  return { kind: 'text', value: text };
}

/** A filter path read nothing (Jayway: PathNotFoundException inside the filter). */
export const MISSING: unique symbol = Symbol('missing');

/** What a filter needs from the evaluator: reading a definite path from a value. */
export interface FilterContext {
  readonly meter: Meter;
  readonly root: Value;
  /** The value of a definite path read from `start`, or {@link MISSING}. */
  read(path: ParsedPath, start: Value): Value | typeof MISSING;
}

type Resolved = Value | FilterPattern | typeof MISSING;

function resolve(operand: Operand, item: Value, ctx: FilterContext): Resolved {
  switch (operand.kind) {
    case 'text':
      return operand.value;
    case 'pattern':
      return operand.pattern;
    case 'path':
      return ctx.read(operand.path, operand.path.rooted ? ctx.root : item);
  }
}

/**
 * Whether `item` passes the filter (Jayway's `Filter.apply`).
 * @throws JavaException where Jayway's comparison throws (a string that is not a number compared with a number)
 */
export function testFilter(filter: FilterNode, item: Value, ctx: FilterContext): boolean {
  let passes = testCriterion(filter.first, item, ctx);
  for (const { and, criterion } of filter.rest) {
    if (and ? passes : !passes) passes = testCriterion(criterion, item, ctx);
  }
  return passes;
}

function testCriterion(node: Criterion, item: Value, ctx: FilterContext): boolean {
  ctx.meter.charge(1);
  switch (node.kind) {
    case 'exists': {
      // Jayway reads an existence path from the item even when it starts with `$`.
      const v = ctx.read(node.path, item);
      if (v === MISSING) return !node.present;
      return node.present ? v !== null : v === null;
    }
    case 'compare': {
      const actual = resolve(node.left, item, ctx);
      const expected = resolve(node.right, item, ctx);
      if (actual === MISSING || expected === MISSING) return false;
      return compare(node.op, expected, actual, ctx.meter);
    }
  }
}

function isPattern(v: Resolved): v is FilterPattern {
  return typeof v === 'object' && v !== null && 'matches' in v && typeof v.matches === 'function';
}

/** `CriteriaType.eval(expected, actual)`. */
function compare(op: Comparison, expected: Value | FilterPattern, actual: Value | FilterPattern, meter: Meter): boolean {
  if (op === '=~') {
    const pattern = isPattern(expected) ? expected : isPattern(actual) ? actual : undefined;
    const other = pattern === expected ? actual : expected;
    if (pattern === undefined || isPattern(other)) {
      throw new JavaException(
        'java.lang.ClassCastException',
        "class java.lang.String cannot be cast to class java.util.regex.Pattern (java.lang.String and java.util.regex.Pattern are in module java.base of loader 'bootstrap')",
      );
    }
    if (other === null) return false;
    return pattern.matches(toJavaString(other, meter), meter);
  }
  if (isPattern(expected) || isPattern(actual)) return false;
  if (op !== '==' && op !== '!=' && (expected === null) !== (actual === null)) return false;
  const r = safeCompare(expected, actual, meter);
  if (r === UNCOMPARABLE) return false;
  switch (op) {
    case '==':
      return r === 0;
    case '!=':
      return r !== 0;
    case '<':
      return r > 0;
    case '<=':
      return r >= 0;
    case '>':
      return r < 0;
    case '>=':
      return r <= 0;
  }
}
