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
import { MAX_NESTING, nestingError, parseEnv, type ParseEnv } from './limits.js';
import type { ArgumentToken, LiteralSpan, StepSpan } from './scan-expression.js';
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

/** Parses the body of an interpolated string literal (a template of its own), `depth` levels deep. */
export type SubTemplateParser = (text: string, position: Position, depth: number) => TemplateNode[];

/** A construct's source, rewritten for velocityjs, with the map back to source offsets. */
interface Fragment {
  text: string;
  /** `placeholderIndex → literal`. */
  literals: LiteralSpan[];
  /** Every literal of the construct, nested ones included (compounds are re-parsed with them). */
  index: LiteralIndex;
  prefix: string;
  /** [fragment offset, source offset] pairs, ascending. */
  anchors: Array<[number, number]>;
  /** Placeholder spans in the fragment, [start, end, source offset of the literal]. */
  placeholders: Array<[number, number, number]>;
  /** What the construct is, for messages (set when velocityjs parses it). */
  what: string;
}

/**
 * A construct's literals sorted by position, so that each fragment finds its own in logarithmic time
 * and skips the ones nested in a compound in constant time: a list of n lists used to filter all
 * literals once per inner list, which is quadratic.
 */
class LiteralIndex {
  readonly sorted: LiteralSpan[];
  /** `after[i]`: the first literal that starts after `sorted[i]` ends (literals nest or are disjoint). */
  readonly after: number[];

  constructor(literals: LiteralSpan[]) {
    this.sorted = literals.slice().sort((a, b) => a.start - b.start || b.end - a.end);
    const n = this.sorted.length;
    this.after = new Array<number>(n).fill(n);
    const open: number[] = [];
    for (let j = 0; j < n; j++) {
      const start = this.sorted[j]!.start;
      while (open.length > 0 && this.sorted[open[open.length - 1]!]!.end <= start) this.after[open.pop()!] = j;
      open.push(j);
    }
  }

  /** The first literal starting at or after `offset`. */
  first(offset: number): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]!.start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * Splits `from..to` (the inside of brackets, elements separated by `commas`) into runs of about `size`
 * elements. Every run holds at least two elements, so none is blank (`[1,]` stays an error) and none
 * reads as a range (`[1..3]`); no cut is next to a blank element, so velocityjs reports a misplaced
 * comma exactly as it would in one parse.
 */
function chunkRanges(src: string, from: number, to: number, commas: number[], size: number): Array<[number, number]> {
  const blank = (a: number, b: number) => /^\s*$/.test(src.slice(a, b));
  const ranges: Array<[number, number]> = [];
  let start = from;
  let elements = 1;
  for (let k = 0; k < commas.length; k++) {
    const comma = commas[k]!;
    const next = commas[k + 1] ?? to;
    const tail = commas.length - k;
    if (elements >= size && tail >= 2 && !blank(k === 0 ? from : commas[k - 1]! + 1, comma) && !blank(comma + 1, next)) {
      ranges.push([start, comma]);
      start = comma + 1;
      elements = 1;
    } else {
      elements++;
    }
  }
  ranges.push([start, to]);
  return ranges;
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
  return lit.kind === 'list' || lit.kind === 'map' || lit.kind === 'key-reference' || lit.kind === 'long-reference';
}

/** Where the construct's own text starts in a fragment (after the wrapper velocityjs needs). */
function prefixLength(f: Fragment): number {
  return f.anchors[1]![0];
}

/** Blanks the 1.7 lexer skips inside an expression. */
function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** The text an inline parse gives a nested reference (see FragmentParser.describe). */
function describeReference(ref: Reference): string {
  let s = (ref.quiet ? '$!' : '$') + ref.root;
  for (const step of ref.steps) {
    if (step.kind === 'property') s += '.' + step.name;
    else if (step.kind === 'method') s += '.' + step.name + '(…)';
    else s += '[…]';
  }
  return s;
}

function describeToken(t: string): string {
  const name = t.replace(/^'|'$/g, '');
  return TOKEN_NAMES[name] ?? `'${name}'`;
}

export class FragmentParser {
  /** The placeholder name: one the template never spells, so no fragment can clash with it. */
  private readonly marker: string;

  constructor(
    private readonly src: string,
    private readonly lines: LineIndex,
    private readonly parseSubTemplate: SubTemplateParser,
    private readonly env: ParseEnv = parseEnv(),
  ) {
    let marker = 'vtlLiteral';
    while (src.includes(marker)) marker += 'x';
    this.marker = marker;
  }

  private position(offset: number): Position {
    return this.lines.position(offset);
  }

  private error(message: string, offset: number): VtlSyntaxError {
    return new VtlSyntaxError(message, this.position(offset));
  }

  /**
   * Rewrites `src[start, end)` with placeholders for its literals. `exclude`: the compound being parsed
   * (it spans the whole fragment); `keepLongReferences`: long references stay inline.
   */
  private fragment(
    start: number,
    end: number,
    index: LiteralIndex,
    prefix: string,
    suffix: string,
    exclude?: LiteralSpan,
    keepLongReferences = false,
    origin = start,
  ): Fragment & { full: string } {
    const marker = this.marker;
    const own: LiteralSpan[] = [];
    // `origin`: where a chunk's whole construct starts, which messages and nested positions refer to.
    const anchors: Array<[number, number]> = [[0, origin]];
    const placeholders: Array<[number, number, number]> = [];
    let text = prefix;
    anchors.push([text.length, start]);
    let cursor = start;
    const sorted = index.sorted;
    for (let i = index.first(start); i < sorted.length && sorted[i]!.start < end; ) {
      const lit = sorted[i]!;
      if (lit === exclude || lit.end > end || (keepLongReferences && lit.kind === 'long-reference')) {
        i++;
        continue;
      }
      text += this.src.slice(cursor, lit.start);
      anchors.push([text.length, lit.start]);
      const placeholder = own.length;
      own.push(lit);
      const placeholderStart = text.length;
      text += lit.isKey ? ` "${placeholder}" ` : ` $${marker}${placeholder} `;
      placeholders.push([placeholderStart, text.length, lit.start]);
      cursor = lit.end;
      anchors.push([text.length, lit.end]);
      // A compound is parsed on its own later: the literals inside it are not this fragment's.
      i = isCompound(lit) ? index.after[i]! : i + 1;
    }
    text += this.src.slice(cursor, end);
    const full = text + suffix;
    return { text, literals: own, index, prefix: marker, anchors, placeholders, full, what: '' };
  }

  private sourceOffset(f: Fragment, fragmentOffset: number): number {
    const placeholder = f.placeholders.find(([from, to]) => fragmentOffset >= from && fragmentOffset < to);
    if (placeholder) return placeholder[2];
    let best = f.anchors[0]!;
    for (const a of f.anchors) if (a[0] <= fragmentOffset) best = a;
    return best[1] + Math.max(0, fragmentOffset - best[0]);
  }

  private run(f: Fragment & { full: string }, what: string): VNode[] {
    f.what = what;
    const stats = this.env.stats;
    if (stats) {
      stats.velocityCalls++;
      stats.velocityChars += f.full.length;
      stats.velocityMaxChars = Math.max(stats.velocityMaxChars, f.full.length);
    }
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

  parseReference(start: number, end: number, literals: LiteralSpan[], steps?: StepSpan[]): Reference {
    return this.referenceIn(
      { start, end, index: new LiteralIndex(literals), steps },
      { position: this.position(start), source: this.src.slice(start, end), argAt: start, what: 'reference' },
    );
  }

  /**
   * A reference parsed on its own: a statement, a map key, or a chain too long to parse inline, which
   * is parsed in chunks of steps (and of arguments) so that velocityjs's work per parse is bounded.
   * `how` gives what an inline parse would have produced (positions, source text, messages).
   */
  private referenceIn(
    span: { start: number; end: number; index: LiteralIndex; steps: StepSpan[] | undefined; exclude?: LiteralSpan },
    how: { position: Position; source: string | undefined; argAt: number; what: string },
  ): Reference {
    const { start, end, index, steps, exclude } = span;
    const size = this.env.chunkSize;
    const long = steps !== undefined && (steps.length > size || steps.some((s) => s.commas !== undefined && s.commas.length >= size));
    if (!long) {
      const f = this.fragment(start, end, index, '', '', exclude);
      const ast = this.run(f, how.what);
      if (ast.length !== 1 || typeof ast[0] !== 'object' || ast[0]!.type !== 'references') {
        throw this.error(`invalid reference ${this.src.slice(start, end)}`, start);
      }
      return this.reference(ast[0]!, f, how.position, how.source ?? this.describe(ast[0]!), how.argAt);
    }
    const braced = this.src[start + 1] === '{' || (this.src[start + 1] === '!' && this.src[start + 2] === '{');
    const rootFragment = this.fragment(start, steps[0]!.start, index, '', braced ? '}' : '', exclude, false, how.argAt);
    const rootAst = this.run(rootFragment, how.what);
    const root = rootAst[0];
    if (rootAst.length !== 1 || typeof root !== 'object' || root.type !== 'references' || (root.path?.length ?? 0) > 0) {
      throw this.error(`invalid reference ${this.src.slice(start, end)}`, start);
    }
    const path: ReferenceStep[] = [];
    let batch: StepSpan[] = [];
    const flush = () => {
      if (batch.length === 0) return;
      const f = this.fragment(batch[0]!.start, batch[batch.length - 1]!.end, index, '$vtlChain', '', exclude, false, how.argAt);
      path.push(...this.steps(this.chainSteps(f, batch.length, how.what), f, how.argAt));
      batch = [];
    };
    for (const step of steps) {
      if (step.open !== undefined && step.commas !== undefined && step.commas.length >= size) {
        flush();
        path.push(this.longCall(step, index, exclude, how.argAt, how.what));
        continue;
      }
      batch.push(step);
      if (batch.length === size) flush();
    }
    flush();
    const reference: Reference = { root: String(root.id), steps: path, quiet: root.leader === '$!', source: '', position: how.position };
    reference.source = how.source ?? describeReference(reference);
    return reference;
  }

  /** Parses a run of steps after a stand-in root; `count`: how many velocityjs must find. */
  private chainSteps(f: Fragment & { full: string }, count: number, what: string): VNode[] {
    const ast = this.run(f, what);
    const node = ast[0];
    if (ast.length !== 1 || typeof node !== 'object' || node.type !== 'references' || node.path?.length !== count) {
      throw this.error('invalid reference', f.anchors[0]![1]);
    }
    return node.path;
  }

  /** A method call with more arguments than one parse takes: its arguments, in chunks. */
  private longCall(step: StepSpan, index: LiteralIndex, exclude: LiteralSpan | undefined, argAt: number, what: string): ReferenceStep {
    const name = this.src.slice(step.start + 1, step.open);
    const args: Expression[] = [];
    for (const [from, to] of chunkRanges(this.src, step.open! + 1, step.end - 1, step.commas!, this.env.chunkSize)) {
      const f = this.fragment(from, to, index, `$vtlChain.${name}(`, ')', exclude, false, argAt);
      const plain = this.plainElements(f, prefixLength(f), f.text.length, false);
      if (plain) {
        f.what = what;
        for (const lit of plain) args.push(this.placeholderValue(lit, f, argAt));
        continue;
      }
      const [call] = this.chainSteps(f, 1, what);
      if (call?.type !== 'method' || !Array.isArray(call.args)) throw this.error('invalid method call', step.start);
      for (const a of call.args) args.push(this.expression(a, f, argAt, true));
    }
    return { kind: 'method', name, args };
  }

  parseSet(start: number, argsStart: number, argsEnd: number, literals: LiteralSpan[]): { target: Reference; value: Expression } {
    const f = this.fragment(argsStart, argsEnd, new LiteralIndex(literals), '#set(', ')');
    const ast = this.run(f, '#set');
    const node = ast[0];
    if (ast.length !== 1 || !node || node.type !== 'set' || !node.equal) throw this.error('invalid #set', start);
    const [lhs, rhs] = node.equal;
    const placeholder = this.placeholderIndex(lhs, f);
    const longTarget = placeholder !== undefined && f.literals[placeholder]!.kind === 'long-reference' && !lhs.path?.length && lhs.leader === '$';
    if (lhs.type !== 'references' || (placeholder !== undefined && !longTarget)) throw this.error('#set must assign to a reference', start);
    const target = longTarget
      ? this.longReference(f.literals[placeholder]!, f, this.position(start))
      : this.reference(lhs, f, this.position(start), this.describe(lhs));
    const last = target.steps[target.steps.length - 1];
    if (last?.kind === 'method') throw this.error('#set cannot assign to a method call', start);
    return { target, value: this.expression(rhs, f, argsStart) };
  }

  parseCondition(name: 'if' | 'elseif', start: number, argsStart: number, argsEnd: number, literals: LiteralSpan[]): Expression {
    const f = this.fragment(argsStart, argsEnd, new LiteralIndex(literals), name === 'if' ? '#if(' : '#if(true)#elseif(', ')#end');
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
    const f = this.fragment(iterable.start, iterable.end, new LiteralIndex(literals), '#set($vtlForeachItems = ', ')');
    const ast = this.run(f, '#foreach');
    const node = ast[0];
    if (ast.length !== 1 || !node || node.type !== 'set' || !node.equal) throw this.error('invalid #foreach', start);
    return { variable: name, iterable: this.expression(node.equal[1], f, iterable.start) };
  }

  parseDefine(start: number, argsStart: number, argsEnd: number, literals: LiteralSpan[]): string {
    // A long reference stays inline: velocityjs rejects it here as it should, a placeholder would pass.
    const f = this.fragment(argsStart, argsEnd, new LiteralIndex(literals), '#define(', ')#end', undefined, true);
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

  private literal(lit: LiteralSpan): Expression {
    if (lit.kind === 'string' && lit.interpolate && typeof lit.value === 'string' && /[$#]/.test(lit.value)) {
      const depth = (lit.depth ?? 0) + 1;
      if (depth > MAX_NESTING) throw nestingError('this string', this.position(lit.start));
      return { kind: 'interpolated', body: this.parseSubTemplate(lit.value, this.position(lit.start + 1), depth) };
    }
    return { kind: 'literal', value: lit.value };
  }

  /** A long reference inside an expression, as the inline parse would have read it. */
  private longReference(lit: LiteralSpan, f: Fragment, position: Position): Reference {
    return this.referenceIn(
      { start: lit.start, end: lit.end, index: f.index, steps: lit.steps, exclude: lit },
      { position, source: undefined, argAt: f.anchors[0]![1], what: f.what },
    );
  }

  /** A list, map or reference, parsed on its own with the literals inside it. */
  private compound(lit: LiteralSpan, f: Fragment, at: number): Expression {
    if (lit.kind === 'key-reference') {
      const reference = this.referenceIn(
        { start: lit.start, end: lit.end, index: f.index, steps: lit.steps, exclude: lit },
        { position: this.position(lit.start), source: this.src.slice(lit.start, lit.end), argAt: lit.start, what: 'reference' },
      );
      return { kind: 'reference', reference };
    }
    if (lit.kind === 'long-reference') return { kind: 'reference', reference: this.longReference(lit, f, this.position(at)) };
    const what = lit.kind === 'list' ? 'list' : 'map';
    const commas = lit.commas ?? [];
    if (lit.kind === 'list' && commas.length >= this.env.chunkSize) {
      // velocityjs concatenates arrays once per list item: a long list is parsed a chunk at a time.
      const items: Expression[] = [];
      for (const [from, to] of chunkRanges(this.src, lit.start + 1, lit.end - 1, commas, this.env.chunkSize)) {
        const sub = this.fragment(from, to, f.index, '#set($vtlCompound = [', '])', lit, false, lit.start);
        const plain = this.plainElements(sub, prefixLength(sub), sub.text.length, false);
        if (plain) {
          sub.what = what;
          for (const element of plain) items.push(this.placeholderValue(element, sub, lit.start));
          continue;
        }
        const value = this.compoundValue(this.run(sub, what), lit);
        if (value.type !== 'array' || value.isRange) throw this.error('invalid list', lit.start);
        for (const item of (value.value as VNode[] | undefined) ?? []) items.push(this.expression(item, sub, lit.start));
      }
      return { kind: 'list', items };
    }
    const sub = this.fragment(lit.start, lit.end, f.index, '#set($vtlCompound = ', ')', lit);
    const plain = this.plainElements(sub, prefixLength(sub) + 1, sub.text.length - 1, lit.kind === 'map');
    if (plain) {
      sub.what = what;
      const values = plain.map((element) => this.placeholderValue(element, sub, lit.start));
      if (lit.kind === 'list') return { kind: 'list', items: values };
      const entries: Array<[Expression, Expression]> = [];
      for (let k = 0; k < values.length; k += 2) entries.push([values[k]!, values[k + 1]!]);
      return { kind: 'map', entries };
    }
    return this.atom(this.compoundValue(this.run(sub, what), lit), sub, lit.start);
  }

  /**
   * The literals of `f.text[from, to)` when it is nothing but placeholders separated by commas (for a
   * map: `key: value` pairs): bulk data, whose tree is known without asking velocityjs, which takes
   * microseconds per character. Anything else (a reference, an operator, `null`, a stray comma) gives
   * undefined and is parsed as usual.
   */
  private plainElements(f: Fragment, from: number, to: number, map: boolean): LiteralSpan[] | undefined {
    const text = f.text;
    const gap = (a: number, b: number, separator: string): boolean => {
      let i = a;
      while (i < b && isBlank(text.charCodeAt(i))) i++;
      if (separator) {
        if (text[i] !== separator) return false;
        i++;
        while (i < b && isBlank(text.charCodeAt(i))) i++;
      }
      return i === b;
    };
    const n = f.placeholders.length;
    if (n === 0 || (map && n % 2 !== 0)) return undefined;
    let cursor = from;
    for (let k = 0; k < n; k++) {
      const [start, end] = f.placeholders[k]!;
      if (start < from || end > to) return undefined;
      const isKey = map && k % 2 === 0;
      if (f.literals[k]!.isKey !== isKey) return undefined;
      if (!gap(cursor, start, k === 0 ? '' : map && k % 2 === 1 ? ':' : ',')) return undefined;
      cursor = end;
    }
    return gap(cursor, to, '') ? f.literals : undefined;
  }

  /** What a placeholder reads as (see atom()). */
  private placeholderValue(lit: LiteralSpan, f: Fragment, at: number): Expression {
    return isCompound(lit) ? this.compound(lit, f, at) : this.literal(lit);
  }

  private compoundValue(ast: VNode[], lit: LiteralSpan): VNode {
    const node = ast[0];
    if (ast.length !== 1 || !node || node.type !== 'set' || !node.equal) throw this.error(`invalid ${lit.kind}`, lit.start);
    return node.equal[1];
  }

  private reference(node: VNode, f: Fragment, position: Position, source: string, argAt = f.anchors[0]![1]): Reference {
    return { root: String(node.id), steps: this.steps(node.path ?? [], f, argAt), quiet: node.leader === '$!', source, position };
  }

  private steps(path: VNode[], f: Fragment, argAt: number): ReferenceStep[] {
    return path.map((step): ReferenceStep => {
      if (step.type === 'property') return { kind: 'property', name: String(step.id) };
      if (step.type === 'method') {
        const args = step.args ? step.args.map((a) => this.expression(a, f, argAt, true)) : [];
        return { kind: 'method', name: String(step.id), args };
      }
      if (step.type === 'index') return { kind: 'index', index: this.expression(step.id as VNode, f, argAt) };
      throw this.error(`unsupported reference step ${step.type}`, f.anchors[0]![1]);
    });
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
        return isCompound(lit) ? this.compound(lit, f, at) : this.literal(lit);
      }
      case 'string': {
        const index = Number(node.value);
        const lit = f.literals[index];
        if (!lit) throw this.error('unexpected string', at);
        return isCompound(lit) ? this.compound(lit, f, at) : this.literal(lit);
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
