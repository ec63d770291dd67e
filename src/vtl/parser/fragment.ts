/**
 * Parses one construct (a reference, or a directive's arguments) with velocityjs and converts its AST to
 * ours, restoring Velocity 1.7 semantics where velocityjs differs:
 *
 * - literals come from the 1.7 lexer (see scan-expression.ts): velocityjs only sees placeholders;
 * - `&&`/`||` and `==`/`<` are re-associated with 1.7's precedence (velocityjs gives each pair one level);
 * - `null` is only accepted as a method argument, as in 1.7.
 */
import { parse as velocityParse } from 'velocityjs';
import type { Expression, Position, Reference, ReferenceStep, TemplateNode, BinaryOperator } from '../ast.js';
import { VtlSyntaxError } from '../errors.js';
import type { ArgumentToken, LiteralSpan } from './scan-expression.js';
import type { LineIndex } from './source.js';

/** velocityjs AST nodes, as far as we read them. */
interface VNode {
  type: string;
  id?: string | VNode;
  value?: unknown;
  leader?: string;
  isWraped?: boolean;
  path?: VNode[];
  args?: VNode[] | false;
  expression?: VNode[];
  operator?: string;
  isRange?: boolean;
  equal?: [VNode, VNode];
  condition?: VNode;
  to?: string;
  from?: VNode;
}

/** Parses the body of an interpolated string literal (a template of its own). */
export type SubTemplateParser = (text: string, position: Position) => TemplateNode[];

/** A construct's source, rewritten for velocityjs, with the map back to source offsets. */
interface Fragment {
  text: string;
  /** `placeholderIndex → literal`. */
  literals: LiteralSpan[];
  /** Every literal of the construct, nested ones included (a key-reference is re-parsed with them). */
  allLiterals: LiteralSpan[];
  prefix: string;
  /** [fragment offset, source offset] pairs, ascending. */
  anchors: Array<[number, number]>;
  /** Placeholder spans in the fragment, [start, end, source offset of the literal]. */
  placeholders: Array<[number, number, number]>;
}

const OPERATOR_PRECEDENCE: Record<BinaryOperator, number> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 4,
  '>': 4,
  '<=': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};

const TOKEN_NAMES: Record<string, string> = {
  CLOSE_PARENTHESIS: "')'",
  PARENTHESIS: "'('",
  MAP_END: "'}'",
  MAP_BEGIN: "'{'",
  CLOSE_BRACKET: "']'",
  BRACKET: "'['",
  MAP_SPLIT: "':'",
  COMMA: "','",
  DOLLAR: 'a reference',
  ID: 'a name',
  EQUAL: "'='",
  IN: "'in'",
  RANGE: "'..'",
  DECIMAL_POINT: "'.'",
  BOOL: 'true/false',
  INTEGER: 'a number',
  STRING: 'a string',
  EVAL_STRING: 'a string',
  EOF: 'the end',
  CONTENT: 'text',
  SPACE: 'a space',
};

/** Literals parsed on their own (lists, maps, key references), standing in as one placeholder. */
function isCompound(lit: LiteralSpan): boolean {
  return lit.kind === 'list' || lit.kind === 'map' || lit.kind === 'key-reference';
}

function describeToken(t: string): string {
  const name = t.replace(/^'|'$/g, '');
  return TOKEN_NAMES[name] ?? `'${name}'`;
}

export class FragmentParser {
  constructor(
    private readonly src: string,
    private readonly lines: LineIndex,
    private readonly parseSubTemplate: SubTemplateParser,
  ) {}

  private position(offset: number): Position {
    return this.lines.position(offset);
  }

  private error(message: string, offset: number): VtlSyntaxError {
    return new VtlSyntaxError(message, this.position(offset));
  }

  /** Rewrites `src[start, end)` with placeholders for its literals. */
  private fragment(start: number, end: number, literals: LiteralSpan[], prefix: string, suffix: string): Fragment & { full: string } {
    const raw = this.src.slice(start, end);
    let marker = 'vtlLiteral';
    while (raw.includes(marker)) marker += 'x';
    const own: LiteralSpan[] = [];
    const anchors: Array<[number, number]> = [[0, start]];
    const placeholders: Array<[number, number, number]> = [];
    let text = prefix;
    anchors.push([text.length, start]);
    let cursor = start;
    let nestedUntil = -1;
    const sorted = literals.filter((l) => l.start >= start && l.end <= end).sort((a, b) => a.start - b.start || b.end - a.end);
    for (const lit of sorted) {
      if (lit.start < nestedUntil) continue; // inside a key-reference replaced as a whole
      text += this.src.slice(cursor, lit.start);
      anchors.push([text.length, lit.start]);
      const index = own.length;
      own.push(lit);
      const placeholderStart = text.length;
      text += lit.isKey ? ` "${index}" ` : ` $${marker}${index} `;
      placeholders.push([placeholderStart, text.length, lit.start]);
      cursor = lit.end;
      if (isCompound(lit)) nestedUntil = lit.end;
      anchors.push([text.length, lit.end]);
    }
    text += this.src.slice(cursor, end);
    const full = text + suffix;
    return { text, literals: own, allLiterals: literals, prefix: marker, anchors, placeholders, full };
  }

  private sourceOffset(f: Fragment, fragmentOffset: number): number {
    const placeholder = f.placeholders.find(([from, to]) => fragmentOffset >= from && fragmentOffset < to);
    if (placeholder) return placeholder[2];
    let best = f.anchors[0]!;
    for (const a of f.anchors) if (a[0] <= fragmentOffset) best = a;
    return best[1] + Math.max(0, fragmentOffset - best[0]);
  }

  private run(f: Fragment & { full: string }, what: string): VNode[] {
    try {
      return velocityParse(f.full, undefined, false) as unknown as VNode[];
    } catch (e) {
      const err = e as Error & {
        hash?: { loc?: { last_line: number; last_column: number }; token?: string; expected?: string[] };
      };
      let offset = f.anchors[0]![1];
      const loc = err.hash?.loc;
      if (loc) {
        // jison reports the token before the unexpected one; the unexpected token starts after it.
        const fragmentLines = f.full.split(/\r\n|\r|\n/);
        let fragmentOffset = 0;
        for (let l = 1; l < loc.last_line; l++) fragmentOffset += (fragmentLines[l - 1]?.length ?? 0) + 1;
        fragmentOffset += loc.last_column;
        while (fragmentOffset < f.full.length && /\s/.test(f.full[fragmentOffset]!)) fragmentOffset++;
        offset = this.sourceOffset(f, fragmentOffset);
      }
      const expected = err.hash?.expected?.filter((x) => !/SPACE|CONTENT/.test(x)).map(describeToken) ?? [];
      const literal = f.literals.find((l) => l.start <= offset && offset < l.end);
      const got = literal ? `'${this.src.slice(literal.start, literal.end)}'` : err.hash?.token ? describeToken(err.hash.token) : undefined;
      const detail = got && expected.length > 0 ? `: expected ${[...new Set(expected)].slice(0, 6).join(', ')} but found ${got}` : '';
      throw this.error(`invalid ${what}${detail}`, offset);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Constructs

  parseReference(start: number, end: number, literals: LiteralSpan[]): Reference {
    const f = this.fragment(start, end, literals, '', '');
    const ast = this.run(f, 'reference');
    if (ast.length !== 1 || typeof ast[0] !== 'object' || ast[0]!.type !== 'references') {
      throw this.error(`invalid reference ${this.src.slice(start, end)}`, start);
    }
    return this.reference(ast[0]!, f, this.position(start), this.src.slice(start, end));
  }

  parseSet(start: number, argsStart: number, argsEnd: number, literals: LiteralSpan[]): { target: Reference; value: Expression } {
    const f = this.fragment(argsStart, argsEnd, literals, '#set(', ')');
    const ast = this.run(f, '#set');
    const node = ast[0];
    if (ast.length !== 1 || !node || node.type !== 'set' || !node.equal) throw this.error('invalid #set', start);
    const [lhs, rhs] = node.equal;
    if (lhs.type !== 'references' || this.isPlaceholder(lhs, f)) throw this.error('#set must assign to a reference', start);
    const target = this.reference(lhs, f, this.position(start), this.describe(lhs));
    const last = target.steps[target.steps.length - 1];
    if (last?.kind === 'method') throw this.error('#set cannot assign to a method call', start);
    return { target, value: this.expression(rhs, f, argsStart) };
  }

  parseCondition(name: 'if' | 'elseif', start: number, argsStart: number, argsEnd: number, literals: LiteralSpan[]): Expression {
    const f = this.fragment(argsStart, argsEnd, literals, name === 'if' ? '#if(' : '#if(true)#elseif(', ')#end');
    const ast = this.run(f, `#${name} condition`);
    const block = ast[0] as unknown as VNode[] | undefined;
    const node = Array.isArray(block) ? block[name === 'if' ? 0 : 1] : undefined;
    if (ast.length !== 1 || !node || node.type !== name || !node.condition) throw this.error(`invalid #${name} condition`, start);
    return this.expression(node.condition, f, argsStart);
  }

  /**
   * `#foreach($item in <arg>)`: velocityjs only accepts some iterables (not a map literal), so the
   * `$item in` part is checked here and the iterable parsed as an expression of its own.
   */
  parseForeach(start: number, tokens: ArgumentToken[], literals: LiteralSpan[]): { variable: string; iterable: Expression } {
    const [item, keyword, iterable, extra] = tokens;
    const name = item?.kind === 'reference' ? /^\$!?\{?([a-zA-Z_][\w-]*)\}?$/.exec(item.text)?.[1] : undefined;
    // Velocity 1.7 does not check the middle word (`#foreach($i on $list)` works on AWS).
    if (!name || keyword?.kind !== 'word' || !iterable || extra) {
      throw this.error('invalid #foreach: expected #foreach($item in <list>)', extra?.start ?? start);
    }
    if (iterable.kind === 'word' && (iterable.text === 'true' || iterable.text === 'false')) {
      return { variable: name, iterable: { kind: 'literal', value: iterable.text === 'true' } };
    }
    if (iterable.kind === 'operator' || iterable.kind === 'comma' || iterable.kind === 'group' || iterable.kind === 'word') {
      throw this.error(`invalid #foreach: '${iterable.text}' cannot be iterated`, iterable.start);
    }
    const f = this.fragment(iterable.start, iterable.end, literals, '#set($vtlForeachItems = ', ')');
    const ast = this.run(f, '#foreach');
    const node = ast[0];
    if (ast.length !== 1 || !node || node.type !== 'set' || !node.equal) throw this.error('invalid #foreach', start);
    return { variable: name, iterable: this.expression(node.equal[1], f, iterable.start) };
  }

  parseDefine(start: number, argsStart: number, argsEnd: number, literals: LiteralSpan[]): string {
    const f = this.fragment(argsStart, argsEnd, literals, '#define(', ')#end');
    const ast = this.run(f, '#define');
    const block = ast[0] as unknown as VNode[] | undefined;
    const node = Array.isArray(block) ? block[0] : undefined;
    if (ast.length !== 1 || !node || node.type !== 'define' || typeof node.id !== 'string') {
      throw this.error('invalid #define: expected #define($name)', start);
    }
    return node.id;
  }

  // ---------------------------------------------------------------------------------------------
  // AST conversion

  private placeholderIndex(node: VNode, f: Fragment): number | undefined {
    if (node.type !== 'references' || typeof node.id !== 'string' || !node.id.startsWith(f.prefix)) return undefined;
    const index = Number(node.id.slice(f.prefix.length));
    return Number.isInteger(index) && index < f.literals.length ? index : undefined;
  }

  private isPlaceholder(node: VNode, f: Fragment): boolean {
    return this.placeholderIndex(node, f) !== undefined;
  }

  private literal(lit: LiteralSpan): Expression {
    if (lit.kind === 'string' && lit.interpolate && typeof lit.value === 'string' && /[$#]/.test(lit.value)) {
      return { kind: 'interpolated', body: this.parseSubTemplate(lit.value, this.position(lit.start + 1)) };
    }
    return { kind: 'literal', value: lit.value };
  }

  /** A list, map or key reference, parsed on its own with the literals inside it. */
  private compound(lit: LiteralSpan, f: Fragment): Expression {
    const inner = f.allLiterals.filter((l) => l !== lit);
    if (lit.kind === 'key-reference') return { kind: 'reference', reference: this.parseReference(lit.start, lit.end, inner) };
    const sub = this.fragment(lit.start, lit.end, inner, '#set($vtlCompound = ', ')');
    const ast = this.run(sub, lit.kind === 'list' ? 'list' : 'map');
    const node = ast[0];
    if (ast.length !== 1 || !node || node.type !== 'set' || !node.equal) throw this.error(`invalid ${lit.kind}`, lit.start);
    return this.atom(node.equal[1], sub, lit.start);
  }

  private reference(node: VNode, f: Fragment, position: Position, source: string): Reference {
    const steps: ReferenceStep[] = (node.path ?? []).map((step): ReferenceStep => {
      if (step.type === 'property') return { kind: 'property', name: String(step.id) };
      if (step.type === 'method') {
        const args = step.args ? step.args.map((a) => this.expression(a, f, f.anchors[0]![1], true)) : [];
        return { kind: 'method', name: String(step.id), args };
      }
      if (step.type === 'index') return { kind: 'index', index: this.expression(step.id as VNode, f, f.anchors[0]![1]) };
      throw this.error(`unsupported reference step ${step.type}`, f.anchors[0]![1]);
    });
    return { root: String(node.id), steps, quiet: node.leader === '$!', source, position };
  }

  /** Rebuilds the source text of a nested reference (for messages only). */
  private describe(node: VNode): string {
    let s = (node.leader ?? '$') + String(node.id);
    for (const step of node.path ?? []) {
      if (step.type === 'property') s += '.' + String(step.id);
      else if (step.type === 'method') s += '.' + String(step.id) + '(…)';
      else s += '[…]';
    }
    return s;
  }

  private expression(node: VNode, f: Fragment, at: number, allowNull = false): Expression {
    if (node.type === 'math' && node.operator !== 'parenthesis') return this.reassociate(node, f, at);
    return this.atom(node, f, at, allowNull);
  }

  private atom(node: VNode, f: Fragment, at: number, allowNull = false): Expression {
    switch (node.type) {
      case 'references': {
        const index = this.placeholderIndex(node, f);
        if (index === undefined) {
          return { kind: 'reference', reference: this.reference(node, f, this.position(at), this.describe(node)) };
        }
        const lit = f.literals[index]!;
        if ((node.path && node.path.length > 0) || node.leader !== '$' || node.isWraped) {
          throw this.error('a literal cannot be followed by a property, method or index', lit.start);
        }
        return isCompound(lit) ? this.compound(lit, f) : this.literal(lit);
      }
      case 'string': {
        const index = Number(node.value);
        const lit = f.literals[index];
        if (!lit) throw this.error('unexpected string', at);
        return isCompound(lit) ? this.compound(lit, f) : this.literal(lit);
      }
      case 'bool':
        if (node.value === 'true') return { kind: 'literal', value: true };
        if (node.value === 'false') return { kind: 'literal', value: false };
        if (allowNull) return { kind: 'literal', value: null };
        throw this.error("'null' is only allowed as a method argument", at);
      case 'array': {
        const items = (node.value as VNode[] | undefined) ?? [];
        if (node.isRange) {
          const [from, to] = items as Array<VNode | string>;
          if (typeof from !== 'object' || typeof to !== 'object') throw this.error('invalid range', at);
          const bounds = [this.atom(from, f, at), this.atom(to, f, at)] as const;
          for (const b of bounds) {
            if (b.kind !== 'reference' && !(b.kind === 'literal' && typeof b.value === 'number')) {
              throw this.error('a range [a..b] needs integer literals or references as bounds', at);
            }
          }
          return { kind: 'range', from: bounds[0], to: bounds[1], position: this.position(at) };
        }
        return { kind: 'list', items: items.map((i) => this.expression(i, f, at)) };
      }
      case 'map': {
        const entries = Object.entries((node.value as Record<string, VNode> | undefined) ?? {}).map(
          ([key, value]): [Expression, Expression] => [this.atom({ type: 'string', value: key }, f, at), this.expression(value, f, at)],
        );
        return { kind: 'map', entries };
      }
      case 'math':
        if (node.operator === 'parenthesis' && node.expression?.[0]) return this.expression(node.expression[0], f, at);
        return this.expression(node, f, at);
      default:
        throw this.error(`unexpected ${node.type}`, at);
    }
  }

  /**
   * velocityjs puts `&&` and `||` on one precedence level, and `==` with `<`; Velocity 1.7 does not. The
   * operands and operators are read back in source order and regrouped by 1.7's precedence.
   */
  private reassociate(node: VNode, f: Fragment, at: number): Expression {
    const items: Array<Expression | BinaryOperator | '!'> = [];
    const flatten = (n: VNode): void => {
      if (n.type === 'math' && n.operator === 'not') {
        items.push('!');
        flatten(n.expression![0]!);
      } else if (n.type === 'math' && n.operator === 'minus') {
        throw this.error('unary minus is not supported by Velocity 1.7; write 0 - x', at);
      } else if (n.type === 'math' && n.operator && n.operator in OPERATOR_PRECEDENCE) {
        flatten(n.expression![0]!);
        items.push(n.operator as BinaryOperator);
        flatten(n.expression![1]!);
      } else {
        items.push(this.atom(n, f, at));
      }
    };
    flatten(node);
    let k = 0;
    const position = this.position(at);
    const unary = (): Expression => {
      const item = items[k++];
      if (item === '!') return { kind: 'not', operand: unary() };
      if (item === undefined || typeof item === 'string') throw this.error('invalid expression', at);
      return item;
    };
    const binary = (minPrecedence: number): Expression => {
      let left = unary();
      for (;;) {
        const op = items[k];
        if (typeof op !== 'string' || op === '!') return left;
        const precedence = OPERATOR_PRECEDENCE[op];
        if (precedence < minPrecedence) return left;
        k++;
        const right = binary(precedence + 1);
        left = { kind: 'binary', operator: op, left, right, position };
      }
    };
    const result = binary(1);
    if (k !== items.length) throw this.error('invalid expression', at);
    return result;
  }
}
