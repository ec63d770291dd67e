/**
 * A safe evaluator for JsonPath filter expressions (`[?(@.price < 10 && @.tag =~ /^a/i)]`), plugged into
 * jsonpath-plus in place of its JavaScript evaluation: templates are untrusted, so a filter may only
 * read values, compare them and combine the results — it can never call a function or reach a prototype.
 *
 * Supported (Jayway's filter language): `@`/`$` paths with `.name`, `['name']`, `[n]`; string, number,
 * boolean and null literals; `== != < <= > >=`, `=~ /regex/flags`, `in`/`nin` with `[…]` lists,
 * `empty true|false`, `size n`; `&&`, `||`, `!` and parentheses; a bare path tests existence.
 */

type Operand =
  | { kind: 'path'; root: 'current' | 'root'; steps: Array<string | number> }
  | { kind: 'literal'; value: unknown }
  | { kind: 'list'; items: unknown[] }
  | { kind: 'regex'; regex: RegExp };

type Node =
  | { kind: 'or' | 'and'; left: Node; right: Node }
  | { kind: 'not'; operand: Node }
  | { kind: 'compare'; op: string; left: Operand; right: Operand }
  | { kind: 'exists'; operand: Operand };

const MISSING = Symbol('missing');

class FilterParser {
  private i = 0;

  constructor(private readonly s: string) {}

  parse(): Node {
    const node = this.or();
    this.space();
    if (this.i < this.s.length) throw new SyntaxError(`unexpected '${this.s.slice(this.i)}' in filter`);
    return node;
  }

  private space(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
  }

  private eat(token: string): boolean {
    this.space();
    if (this.s.startsWith(token, this.i)) {
      this.i += token.length;
      return true;
    }
    return false;
  }

  private or(): Node {
    let left = this.and();
    while (this.eat('||')) left = { kind: 'or', left, right: this.and() };
    return left;
  }

  private and(): Node {
    let left = this.unary();
    while (this.eat('&&')) left = { kind: 'and', left, right: this.unary() };
    return left;
  }

  private unary(): Node {
    this.space();
    if (this.s[this.i] === '!' && this.s[this.i + 1] !== '=') {
      this.i++;
      return { kind: 'not', operand: this.unary() };
    }
    if (this.s[this.i] === '(') {
      this.i++;
      const inner = this.or();
      if (!this.eat(')')) throw new SyntaxError('missing ) in filter');
      return inner;
    }
    const left = this.operand();
    this.space();
    const op = ['==', '!=', '<=', '>=', '=~', '<', '>', ' nin ', ' in ', ' empty ', ' size '].find((o) =>
      o.startsWith(' ') ? new RegExp(`^\\s*${o.trim()}\\s`).test(this.s.slice(this.i - 1)) : this.s.startsWith(o, this.i),
    );
    if (!op) return { kind: 'exists', operand: left };
    this.i = op.startsWith(' ') ? this.s.indexOf(op.trim(), this.i) + op.trim().length : this.i + op.length;
    return { kind: 'compare', op: op.trim(), left, right: this.operand() };
  }

  private operand(): Operand {
    this.space();
    const s = this.s;
    const c = s[this.i];
    if (s.startsWith('_$_v', this.i) || s.startsWith('@', this.i) || c === '$') {
      const root = c === '$' && !s.startsWith('_$_v', this.i) ? 'root' : 'current';
      this.i += s.startsWith('_$_v', this.i) ? 4 : 1;
      return { kind: 'path', root, steps: this.steps() };
    }
    if (c === "'" || c === '"') return { kind: 'literal', value: this.quoted() };
    if (c === '/') {
      const end = s.lastIndexOf('/');
      if (end <= this.i) throw new SyntaxError('unterminated regex in filter');
      const body = s.slice(this.i + 1, end);
      const flags = /^[a-z]*/.exec(s.slice(end + 1))![0];
      this.i = end + 1 + flags.length;
      return { kind: 'regex', regex: new RegExp(body, flags.replace(/[^imsu]/g, '')) };
    }
    if (c === '[') {
      this.i++;
      const items: unknown[] = [];
      while (!this.eat(']')) {
        const item = this.operand();
        if (item.kind !== 'literal') throw new SyntaxError('only literals may appear in a filter list');
        items.push(item.value);
        this.eat(',');
        if (this.i >= s.length) throw new SyntaxError('unterminated list in filter');
      }
      return { kind: 'list', items };
    }
    const m = /^(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(s.slice(this.i));
    if (!m) throw new SyntaxError(`unexpected '${s.slice(this.i, this.i + 10)}' in filter`);
    this.i += m[0].length;
    const text = m[0];
    return { kind: 'literal', value: text === 'true' ? true : text === 'false' ? false : text === 'null' ? null : Number(text) };
  }

  private quoted(): string {
    const s = this.s;
    const q = s[this.i]!;
    let out = '';
    let j = this.i + 1;
    while (j < s.length && s[j] !== q) {
      if (s[j] === '\\') j++;
      out += s[j++] ?? '';
    }
    if (j >= s.length) throw new SyntaxError('unterminated string in filter');
    this.i = j + 1;
    return out;
  }

  private steps(): Array<string | number> {
    const s = this.s;
    const steps: Array<string | number> = [];
    for (;;) {
      if (s[this.i] === '.' && /[A-Za-z_$]/.test(s[this.i + 1] ?? '')) {
        const m = /^[A-Za-z_$][\w$-]*/.exec(s.slice(this.i + 1))!;
        steps.push(m[0]);
        this.i += 1 + m[0].length;
      } else if (s[this.i] === '[') {
        this.i++;
        this.space();
        if (s[this.i] === "'" || s[this.i] === '"') steps.push(this.quoted());
        else {
          const m = /^-?\d+/.exec(s.slice(this.i));
          if (!m) throw new SyntaxError('invalid index in filter path');
          steps.push(Number(m[0]));
          this.i += m[0].length;
        }
        if (!this.eat(']')) throw new SyntaxError('missing ] in filter path');
      } else {
        return steps;
      }
    }
  }
}

function own(obj: unknown, key: string | number): unknown {
  if (Array.isArray(obj)) {
    if (typeof key !== 'number') return key === 'length' ? obj.length : MISSING;
    const i = key < 0 ? obj.length + key : key;
    return i >= 0 && i < obj.length ? obj[i] : MISSING;
  }
  if (obj !== null && typeof obj === 'object' && Object.prototype.hasOwnProperty.call(obj, key)) {
    return (obj as Record<string, unknown>)[key];
  }
  return MISSING;
}

function resolve(operand: Operand, current: unknown, root: unknown): unknown {
  switch (operand.kind) {
    case 'literal':
      return operand.value;
    case 'list':
      return operand.items;
    case 'regex':
      return operand.regex;
    case 'path': {
      let v: unknown = operand.root === 'root' ? root : current;
      for (const step of operand.steps) {
        v = own(v, step);
        if (v === MISSING) return MISSING;
      }
      return v;
    }
  }
}

function compare(op: string, a: unknown, b: unknown): boolean {
  if (a === MISSING || b === MISSING) return op === '!=' || op === 'nin' ? a !== b : false;
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
    case '<=':
    case '>':
    case '>=': {
      if (!((typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string'))) return false;
      return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
    }
    case '=~':
      return b instanceof RegExp && typeof a === 'string' && b.test(a);
    case 'in':
      return Array.isArray(b) && b.includes(a);
    case 'nin':
      return Array.isArray(b) && !b.includes(a);
    case 'empty': {
      const empty = (typeof a === 'string' || Array.isArray(a)) && a.length === 0;
      return (typeof a === 'string' || Array.isArray(a)) && empty === b;
    }
    case 'size':
      return (typeof a === 'string' || Array.isArray(a)) && a.length === b;
  }
  return false;
}

function evaluate(node: Node, current: unknown, root: unknown): boolean {
  switch (node.kind) {
    case 'or':
      return evaluate(node.left, current, root) || evaluate(node.right, current, root);
    case 'and':
      return evaluate(node.left, current, root) && evaluate(node.right, current, root);
    case 'not':
      return !evaluate(node.operand, current, root);
    case 'exists':
      return resolve(node.operand, current, root) !== MISSING;
    case 'compare':
      return compare(node.op, resolve(node.left, current, root), resolve(node.right, current, root));
  }
}

/**
 * jsonpath-plus's evaluation hook: constructed with the filter's code (where `@` reads `_$_v`), run
 * with a sandbox holding the current value (`_$_v`) and the document root (`_$_root`).
 */
export class SafeFilter {
  private readonly ast: Node;

  constructor(code: string) {
    const trimmed = code.trim();
    this.ast = new FilterParser(trimmed.startsWith('?(') ? trimmed.slice(2, -1) : trimmed).parse();
  }

  runInNewContext(context: Record<string, unknown>): boolean {
    return evaluate(this.ast, context['_$_v'], context['_$_root']);
  }
}
