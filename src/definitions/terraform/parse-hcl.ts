/**
 * A parser for the part of HCL2's native syntax that Terraform configurations of REST APIs use: blocks,
 * attributes, every expression form (literals, templates with `${}` and `%{if}`/`%{for}`, heredocs,
 * tuples, objects, traversals, splats, calls, operators, conditionals, `for` expressions) and comments.
 * Hand-written because no HCL package on npm both runs synchronously in a browser bundle and reports
 * where each expression is, which every error message here needs.
 */
import { DefinitionError } from '../definition-error.js';
import type { SourceFile } from './source-file.js';
import type { Attribute, Block, Body, Expr, ObjectItem, TemplatePart } from './syntax.js';

const BINARY_LEVELS: readonly (readonly string[])[] = [['||'], ['&&'], ['==', '!='], ['<=', '>=', '<', '>'], ['+', '-'], ['*', '/', '%']];
const IDENT_START = /[\p{L}_]/u;
const IDENT_PART = /[\p{L}\p{N}_-]/u;
/** Deep enough for any real configuration; stops a hostile one before the JavaScript stack does. */
const MAX_DEPTH = 200;

type Token =
  | { kind: 'text'; text: string }
  | { kind: 'interpolation'; expr: Expr; stripBefore: boolean; stripAfter: boolean }
  | { kind: 'directive'; keyword: string; start: number; condition?: Expr; keyName?: string; valueName?: string; collection?: Expr; stripBefore: boolean; stripAfter: boolean };

class Parser {
  pos = 0;
  depth = 0;
  readonly src: string;

  constructor(readonly file: SourceFile) {
    this.src = file.text;
  }

  fail(message: string, at = this.pos): never {
    const { line, column } = this.file.position(Math.min(at, this.src.length));
    throw new DefinitionError(message, '', this.file.path, line, column);
  }

  private peek(s: string): boolean {
    return this.src.startsWith(s, this.pos);
  }

  private describeHere(): string {
    if (this.pos >= this.src.length) return 'the end of the file';
    const ch = this.src[this.pos]!;
    return ch === '\n' ? 'a line break' : `'${ch}'`;
  }

  private expect(s: string, what = `'${s}'`): void {
    if (!this.peek(s)) this.fail(`expected ${what}, found ${this.describeHere()}`);
    this.pos += s.length;
  }

  /** Skips blanks and comments; line breaks only when `newlines` (inside brackets, between body items). */
  skip(newlines: boolean): void {
    const src = this.src;
    while (this.pos < src.length) {
      const ch = src[this.pos]!;
      if (ch === ' ' || ch === '\t' || ch === '\r' || (ch === '\n' && newlines) || ch === '\ufeff') this.pos++;
      else if (ch === '#' || (ch === '/' && src[this.pos + 1] === '/')) {
        while (this.pos < src.length && src[this.pos] !== '\n') this.pos++;
      } else if (ch === '/' && src[this.pos + 1] === '*') {
        const close = src.indexOf('*/', this.pos + 2);
        if (close < 0) this.fail('unterminated /* comment');
        this.pos = close + 2;
      } else break;
    }
  }

  private identifier(): string | undefined {
    const src = this.src;
    if (this.pos >= src.length || !IDENT_START.test(src[this.pos]!)) return undefined;
    const start = this.pos++;
    while (this.pos < src.length && IDENT_PART.test(src[this.pos]!)) this.pos++;
    return src.slice(start, this.pos);
  }

  private keyword(word: string): boolean {
    if (!this.peek(word)) return false;
    const next = this.src[this.pos + word.length];
    if (next !== undefined && IDENT_PART.test(next)) return false;
    this.pos += word.length;
    return true;
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) this.fail(`expressions nested more than ${MAX_DEPTH} deep`);
  }

  // ------------------------------------------------------------------ bodies

  body(closing: boolean): Body {
    const body: Body = { attributes: [], blocks: [] };
    for (;;) {
      this.skip(true);
      if (this.pos >= this.src.length) {
        if (closing) this.fail("expected '}' to close the block");
        return body;
      }
      if (this.src[this.pos] === '}') {
        if (!closing) this.fail("unexpected '}'");
        return body;
      }
      const start = this.pos;
      const name = this.identifier() ?? this.fail(`expected an attribute or block name, found ${this.describeHere()}`);
      this.skip(false);
      if (this.peek('=') && !this.peek('==')) {
        this.pos++;
        this.skip(false);
        const expr = this.expression(false);
        const attribute: Attribute = { name, expr, start, end: this.pos };
        body.attributes.push(attribute);
        this.endOfItem();
      } else {
        body.blocks.push(this.block(name, start));
        this.endOfItem();
      }
    }
  }

  private block(type: string, start: number): Block {
    const labels: string[] = [];
    for (;;) {
      this.skip(false);
      if (this.peek('{')) break;
      if (this.peek('"')) {
        const label = this.quoted();
        if (label.kind !== 'template' || label.parts.some((p) => p.kind !== 'text')) this.fail('a block label cannot contain interpolations', label.start);
        labels.push(label.parts.map((p) => (p.kind === 'text' ? p.text : '')).join(''));
        continue;
      }
      const label = this.identifier();
      if (label === undefined) this.fail(`expected '=' or a block, found ${this.describeHere()} after '${type}'`);
      labels.push(label);
    }
    this.pos++;
    const body = this.body(true);
    this.pos++;
    return { type, labels, body, start, end: this.pos };
  }

  private endOfItem(): void {
    this.skip(false);
    if (this.pos >= this.src.length || this.src[this.pos] === '\n' || this.src[this.pos] === '}') return;
    this.fail(`expected a line break after the attribute, found ${this.describeHere()}`);
  }

  // ------------------------------------------------------------------ expressions

  expression(newlines: boolean): Expr {
    this.enter();
    const start = this.pos;
    const condition = this.binary(0, newlines);
    const save = this.pos;
    this.skip(newlines);
    if (!this.peek('?')) {
      this.pos = save;
      this.depth--;
      return condition;
    }
    this.pos++;
    this.skip(newlines);
    const then = this.expression(newlines);
    this.skip(newlines);
    this.expect(':', "':' of the conditional");
    this.skip(newlines);
    const otherwise = this.expression(newlines);
    this.depth--;
    return { kind: 'conditional', condition, then, else: otherwise, start, end: this.pos };
  }

  private binary(level: number, newlines: boolean): Expr {
    if (level === BINARY_LEVELS.length) return this.unary(newlines);
    const start = this.pos;
    let left = this.binary(level + 1, newlines);
    for (;;) {
      const save = this.pos;
      this.skip(newlines);
      const op = BINARY_LEVELS[level]!.find((o) => this.peek(o) && !(o === '<' && this.peek('<<')) && !(o === '/' && (this.peek('//') || this.peek('/*'))));
      if (!op) {
        this.pos = save;
        return left;
      }
      this.pos += op.length;
      this.skip(newlines);
      const right = this.binary(level + 1, newlines);
      left = { kind: 'binary', op, left, right, start, end: this.pos };
    }
  }

  private unary(newlines: boolean): Expr {
    const start = this.pos;
    if (this.peek('-') || this.peek('!')) {
      const op = this.src[this.pos] as '-' | '!';
      this.pos++;
      this.skip(newlines);
      this.enter();
      const operand = this.unary(newlines);
      this.depth--;
      return { kind: 'unary', op, operand, start, end: this.pos };
    }
    return this.postfix(this.primary());
  }

  private postfix(expr: Expr): Expr {
    for (;;) {
      const save = this.pos;
      this.skip(false);
      if (this.peek('.*')) {
        this.pos += 2;
        expr = { kind: 'splat', object: expr, start: expr.start, end: this.pos };
      } else if (this.peek('[*]')) {
        this.pos += 3;
        expr = { kind: 'splat', object: expr, start: expr.start, end: this.pos };
      } else if (this.peek('.') && !this.peek('...')) {
        this.pos++;
        const digits = /^\d+/.exec(this.src.slice(this.pos, this.pos + 20));
        if (digits) {
          this.pos += digits[0].length;
          const index: Expr = { kind: 'literal', value: Number(digits[0]), start: this.pos - digits[0].length, end: this.pos };
          expr = { kind: 'index', object: expr, index, start: expr.start, end: this.pos };
        } else {
          const name = this.identifier() ?? this.fail(`expected an attribute name after '.', found ${this.describeHere()}`);
          expr = { kind: 'attribute', object: expr, name, start: expr.start, end: this.pos };
        }
      } else if (this.peek('[')) {
        this.pos++;
        this.skip(true);
        const index = this.expression(true);
        this.skip(true);
        this.expect(']');
        expr = { kind: 'index', object: expr, index, start: expr.start, end: this.pos };
      } else {
        this.pos = save;
        return expr;
      }
    }
  }

  private primary(): Expr {
    const start = this.pos;
    const ch = this.src[this.pos];
    if (ch === undefined) this.fail('expected an expression, found the end of the file');
    if (/[0-9]/.test(ch)) {
      const m = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(this.src.slice(this.pos, this.pos + 400))!;
      this.pos += m[0].length;
      return { kind: 'literal', value: Number(m[0]), start, end: this.pos };
    }
    if (ch === '"') return this.quoted();
    if (this.peek('<<')) return this.heredoc();
    if (ch === '(') {
      this.pos++;
      this.skip(true);
      const inner = this.expression(true);
      this.skip(true);
      this.expect(')');
      // Parentheses matter for placeholders (`<unresolved:(a + b)>`), not for evaluation.
      return { ...inner, start, end: this.pos };
    }
    if (ch === '[') return this.tuple();
    if (ch === '{') return this.object();
    const name = this.identifier();
    if (name === undefined) this.fail(`expected an expression, found ${this.describeHere()}`);
    if (name === 'true' || name === 'false') return { kind: 'literal', value: name === 'true', start, end: this.pos };
    if (name === 'null') return { kind: 'literal', value: null, start, end: this.pos };
    const save = this.pos;
    this.skip(false);
    if (this.peek('(')) return this.call(name, start);
    this.pos = save;
    return { kind: 'variable', name, start, end: this.pos };
  }

  private call(name: string, start: number): Expr {
    this.pos++;
    const args: Expr[] = [];
    let expandLast = false;
    for (;;) {
      this.skip(true);
      if (this.peek(')')) break;
      args.push(this.expression(true));
      this.skip(true);
      if (this.peek('...')) {
        this.pos += 3;
        expandLast = true;
        this.skip(true);
      }
      if (this.peek(',')) this.pos++;
      else if (!this.peek(')')) this.fail(`expected ',' or ')' in the arguments of ${name}(), found ${this.describeHere()}`);
    }
    this.pos++;
    return { kind: 'call', name, args, expandLast, start, end: this.pos };
  }

  private tuple(): Expr {
    const start = this.pos++;
    this.skip(true);
    if (this.keyword('for')) return this.forExpression(start, ']');
    const items: Expr[] = [];
    for (;;) {
      this.skip(true);
      if (this.peek(']')) break;
      items.push(this.expression(true));
      this.skip(true);
      if (this.peek(',')) this.pos++;
      else if (!this.peek(']')) this.fail(`expected ',' or ']' in the list, found ${this.describeHere()}`);
    }
    this.pos++;
    return { kind: 'tuple', items, start, end: this.pos };
  }

  private object(): Expr {
    const start = this.pos++;
    this.skip(true);
    if (this.keyword('for')) return this.forExpression(start, '}');
    const items: ObjectItem[] = [];
    for (;;) {
      this.skip(true);
      if (this.peek('}')) break;
      let key = this.expression(false);
      // `{ name = 1 }` names the key; it does not read a variable called `name`.
      if (key.kind === 'variable') key = { kind: 'literal', value: key.name, start: key.start, end: key.end };
      this.skip(false);
      if ((this.peek('=') && !this.peek('==')) || this.peek(':')) this.pos++;
      else this.fail(`expected '=' or ':' after the object key, found ${this.describeHere()}`);
      this.skip(false);
      const value = this.expression(false);
      items.push({ key, value });
      this.skip(false);
      if (this.peek(',')) this.pos++;
      else if (!this.peek('}') && !this.peek('\n')) this.fail(`expected ',', a line break or '}' in the object, found ${this.describeHere()}`);
    }
    this.pos++;
    return { kind: 'object', items, start, end: this.pos };
  }

  private forExpression(start: number, close: ']' | '}'): Expr {
    this.skip(true);
    let valueName = this.identifier() ?? this.fail('expected a variable name after for');
    let keyName: string | undefined;
    this.skip(true);
    if (this.peek(',')) {
      this.pos++;
      this.skip(true);
      keyName = valueName;
      valueName = this.identifier() ?? this.fail('expected a second variable name after for');
      this.skip(true);
    }
    if (!this.keyword('in')) this.fail(`expected 'in' in the for expression, found ${this.describeHere()}`);
    this.skip(true);
    const collection = this.expression(true);
    this.skip(true);
    this.expect(':', "':' in the for expression");
    this.skip(true);
    let key: Expr | undefined;
    let value = this.expression(true);
    this.skip(true);
    if (close === '}') {
      this.expect('=>', "'=>' in the object for expression");
      this.skip(true);
      key = value;
      value = this.expression(true);
      this.skip(true);
    }
    let grouping = false;
    if (this.peek('...')) {
      this.pos += 3;
      grouping = true;
      this.skip(true);
    }
    let filter: Expr | undefined;
    if (this.keyword('if')) {
      this.skip(true);
      filter = this.expression(true);
      this.skip(true);
    }
    this.expect(close);
    return { kind: 'for', keyName, valueName, collection, key, value, filter, grouping, start, end: this.pos };
  }

  // ------------------------------------------------------------------ templates

  private quoted(): Expr {
    const start = this.pos++;
    const parts = this.template({ quoted: true, end: this.src.length, strip: 0 });
    this.pos++;
    return { kind: 'template', parts, start, end: this.pos };
  }

  private heredoc(): Expr {
    const start = this.pos;
    this.pos += 2;
    const indented = this.peek('-');
    if (indented) this.pos++;
    const marker = this.identifier() ?? this.fail('expected a heredoc marker such as EOF after <<');
    while (this.peek(' ') || this.peek('\t') || this.peek('\r')) this.pos++;
    if (!this.peek('\n')) this.fail(`expected a line break after <<${indented ? '-' : ''}${marker}`);
    const contentStart = ++this.pos;
    let lineStart = contentStart;
    let contentEnd = -1;
    while (lineStart <= this.src.length) {
      const nl = this.src.indexOf('\n', lineStart);
      const lineEnd = nl < 0 ? this.src.length : nl;
      if (this.src.slice(lineStart, lineEnd).trim() === marker) {
        contentEnd = lineStart;
        this.pos = this.src.indexOf(marker, lineStart) + marker.length;
        break;
      }
      if (nl < 0) break;
      lineStart = nl + 1;
    }
    if (contentEnd < 0) this.fail(`the heredoc is not closed: no line '${marker}'`, start);
    const end = this.pos;
    this.pos = contentStart;
    const strip = indented ? commonIndent(this.src.slice(contentStart, contentEnd)) : 0;
    const parts = this.template({ quoted: false, end: contentEnd, strip });
    this.pos = end;
    return { kind: 'template', parts, start, end };
  }

  /** Template text up to `end` (or the closing quote): tokens first, so `~` strip markers see their neighbours. */
  template(opts: { quoted: boolean; end: number; strip: number }): TemplatePart[] {
    const tokens: Token[] = [];
    let text = '';
    const src = this.src;
    const flush = () => {
      if (text) tokens.push({ kind: 'text', text });
      text = '';
    };
    let atLineStart = !opts.quoted;
    while (this.pos < opts.end) {
      if (atLineStart && opts.strip > 0) {
        let n = 0;
        while (n < opts.strip && (src[this.pos] === ' ' || src[this.pos] === '\t')) {
          this.pos++;
          n++;
        }
        atLineStart = false;
        continue;
      }
      const ch = src[this.pos]!;
      if (opts.quoted && ch === '"') return nest(this, tokens, flush);
      if (opts.quoted && ch === '\n') this.fail('a quoted string cannot span lines; use a heredoc (<<EOF)');
      if (this.peek('$${') || this.peek('%%{')) {
        text += ch + '{';
        this.pos += 3;
      } else if (this.peek('${')) {
        flush();
        this.pos += 2;
        const stripBefore = this.peek('~');
        if (stripBefore) this.pos++;
        this.skip(true);
        const expr = this.expression(true);
        this.skip(true);
        const stripAfter = this.peek('~');
        if (stripAfter) this.pos++;
        this.expect('}', "'}' to close the interpolation");
        tokens.push({ kind: 'interpolation', expr, stripBefore, stripAfter });
      } else if (this.peek('%{')) {
        flush();
        tokens.push(this.directive());
      } else if (opts.quoted && ch === '\\') {
        text += this.escape();
      } else {
        text += ch;
        this.pos++;
        if (ch === '\n') atLineStart = true;
      }
    }
    if (opts.quoted) this.fail('the string is not closed: missing "');
    return nest(this, tokens, flush);
  }

  private directive(): Token {
    const start = this.pos;
    this.pos += 2;
    const stripBefore = this.peek('~');
    if (stripBefore) this.pos++;
    this.skip(true);
    const keyword = this.identifier() ?? this.fail('expected if, else, endif, for or endfor after %{');
    const token: Extract<Token, { kind: 'directive' }> = { kind: 'directive', keyword, start, stripBefore, stripAfter: false };
    this.skip(true);
    if (keyword === 'if') token.condition = this.expression(true);
    else if (keyword === 'for') {
      token.valueName = this.identifier() ?? this.fail('expected a variable name after %{for');
      this.skip(true);
      if (this.peek(',')) {
        this.pos++;
        this.skip(true);
        token.keyName = token.valueName;
        token.valueName = this.identifier() ?? this.fail('expected a second variable name in %{for');
        this.skip(true);
      }
      if (!this.keyword('in')) this.fail("expected 'in' in %{for");
      this.skip(true);
      token.collection = this.expression(true);
    } else if (!['else', 'endif', 'endfor'].includes(keyword)) this.fail(`unknown template directive %{${keyword}}`, start);
    this.skip(true);
    token.stripAfter = this.peek('~');
    if (token.stripAfter) this.pos++;
    this.expect('}', "'}' to close the directive");
    return token;
  }

  private escape(): string {
    const next = this.src[this.pos + 1];
    this.pos += 2;
    switch (next) {
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case '"':
        return '"';
      case '\\':
        return '\\';
      case 'u':
      case 'U': {
        const len = next === 'u' ? 4 : 8;
        const hex = this.src.slice(this.pos, this.pos + len);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) this.fail(`\\${next} needs ${len} hexadecimal digits`, this.pos - 2);
        this.pos += len;
        return String.fromCodePoint(parseInt(hex, 16));
      }
    }
    return this.fail(`unknown escape \\${next ?? ''} in a string`, this.pos - 2);
  }
}

function commonIndent(content: string): number {
  let min = Infinity;
  for (const line of content.split('\n')) {
    if (line.trim() === '') continue;
    min = Math.min(min, /^[ \t]*/.exec(line)![0].length);
  }
  return Number.isFinite(min) ? min : 0;
}

/** Applies `~` strip markers, then nests `%{if}` and `%{for}` bodies. */
function nest(p: Parser, tokens: Token[], flush: () => void): TemplatePart[] {
  flush();
  tokens.forEach((t, i) => {
    if (t.kind === 'text') return;
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    if (t.stripBefore && before?.kind === 'text') before.text = before.text.replace(/\s+$/, '');
    if (t.stripAfter && after?.kind === 'text') after.text = after.text.replace(/^\s+/, '');
  });
  type Frame = { parts: TemplatePart[]; open?: Extract<Token, { kind: 'directive' }>; node?: Extract<TemplatePart, { kind: 'if' | 'for' }>; inElse?: boolean };
  const stack: Frame[] = [{ parts: [] }];
  for (const t of tokens) {
    const top = stack[stack.length - 1]!;
    if (t.kind === 'text') top.parts.push({ kind: 'text', text: t.text });
    else if (t.kind === 'interpolation') top.parts.push({ kind: 'interpolation', expr: t.expr });
    else if (t.keyword === 'if') {
      const node: TemplatePart = { kind: 'if', condition: t.condition!, then: [], else: [] };
      top.parts.push(node);
      stack.push({ parts: node.then, open: t, node });
    } else if (t.keyword === 'for') {
      const node: TemplatePart = { kind: 'for', keyName: t.keyName, valueName: t.valueName!, collection: t.collection!, body: [] };
      top.parts.push(node);
      stack.push({ parts: node.body, open: t, node });
    } else if (t.keyword === 'else') {
      if (top.node?.kind !== 'if' || top.inElse) p.fail('%{else} without %{if}', t.start);
      top.inElse = true;
      top.parts = top.node.else;
    } else {
      const opener = t.keyword === 'endif' ? 'if' : 'for';
      if (top.node?.kind !== opener) p.fail(`%{${t.keyword}} without %{${opener}}`, t.start);
      stack.pop();
    }
  }
  const open = stack[stack.length - 1]!.open;
  if (open) p.fail(`%{${open.keyword}} is not closed`, open.start);
  return stack[0]!.parts;
}

/** Parses a `.tf` (or `.tfvars`) file. @throws DefinitionError with the file, line and column */
export function parseHcl(file: SourceFile): Body {
  return new Parser(file).body(false);
}

/** Parses a whole file as a template, as `templatefile()` reads it. @throws DefinitionError */
export function parseTemplateFile(file: SourceFile): TemplatePart[] {
  const p = new Parser(file);
  return p.template({ quoted: false, end: file.text.length, strip: 0 });
}
