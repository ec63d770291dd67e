/**
 * Splits a template into text and constructs the way Velocity 1.7's lexer does, applying its whitespace
 * rules (docs: whitespace.md, rules R1–R13) as it goes:
 *
 * - a directive's closing `)`, `#else` and `#end` swallow trailing blanks plus one line break;
 * - `#set` also swallows the blanks before it when they start at a token boundary;
 * - `##` comments swallow their line break, `#* *#` only themselves;
 * - unknown `#name(...)` (including macro calls and `#evaluate`) print exactly as written;
 * - `\` escapes references and directives.
 *
 * Each reference and directive is handed on as a source span (with its literals) for velocityjs to parse.
 */
import { VtlSyntaxError } from '../errors.js';
import { DEFAULT_CHUNK_SIZE, MAX_NESTING, nestingError, typedError } from './limits.js';
import { ExpressionScanner, type ArgumentToken, type LiteralSpan, type StepSpan } from './scan-expression.js';
import type { LineIndex } from './source.js';

export type LexToken =
  /** `printedDirective`: the text is an unknown directive or macro call, printed as written. */
  | { kind: 'text'; text: string; start: number; printedDirective?: string }
  | { kind: 'reference'; start: number; end: number; literals: LiteralSpan[]; steps: StepSpan[] }
  | {
      kind: 'directive';
      name: DirectiveName;
      start: number;
      /** Offset of the argument text (after `(`). */
      argsStart: number;
      /** Offset of the closing `)`. */
      argsEnd: number;
      literals: LiteralSpan[];
      tokens: ArgumentToken[];
    }
  | { kind: 'else' | 'end' | 'stop' | 'break'; start: number };

export type DirectiveName = 'set' | 'if' | 'elseif' | 'foreach' | 'define' | 'macro' | 'include' | 'parse' | 'break';

/** Directives Velocity 1.7 on API Gateway knows (`#evaluate` is removed there, so it prints literally). */
const BLOCK_OR_LINE_DIRECTIVES = new Set(['foreach', 'define', 'macro', 'include', 'parse', 'break']);
/** Names an escaped `\#name` counts as a directive for (the escape's backslash is then consumed). */
const ESCAPABLE = new Set(['if', 'else', 'elseif', 'end', 'set', 'stop', ...BLOCK_OR_LINE_DIRECTIVES]);

const SET_DIRECTIVE = /^#(?:set|\{set\}) *\(/;
const WORD = /^#(?:\{([a-zA-Z_@][a-zA-Z0-9_@]*)\}|([a-zA-Z_@][a-zA-Z0-9_@]*))/;

/**
 * `inString`: the text is the body of an interpolated string literal, where a `$` or `#` at the very end
 * is plain text (at the end of a template it is a lexical error). `depth`: the nesting level the text
 * starts at (a string literal's body continues its construct's); `chunkSize`: see ExpressionScanner.
 */
export function lex(src: string, lines: LineIndex, inString = false, depth = 0, chunkSize = DEFAULT_CHUNK_SIZE): LexToken[] {
  return new Lexer(src, lines, inString, depth, chunkSize).run();
}

const BLOCKS = new Set<DirectiveName>(['if', 'foreach', 'define', 'macro']);

class Lexer {
  private i = 0;
  private atBoundary = true;
  /** A `#` that joins the next token (see dollar()). */
  private hashPrefix = '';
  /**
   * 1.7 stays in its REFERENCE lexer state after a method call's `)`, an index's `]`, or a `#set` that
   * directly follows a reference. Text that then starts like an identifier is read as one: the name
   * prints, and `.name`/`[…]` steps after it vanish (`$s.trim()a.b` prints `Sa`).
   */
  private referenceState: 'none' | 'plain' | 'reference' | 'set' = 'none';
  /** The previous token was an unbraced reference (a #set right after it is lexed in REFERENCE state). */
  private afterReference = false;
  private readonly tokens: LexToken[] = [];
  /**
   * The nesting level here: the lexer follows block nesting (parse.ts checks it is well-formed) so that
   * every construct's scanner knows how deep it starts.
   */
  private depth: number;

  constructor(
    private readonly src: string,
    private readonly lines: LineIndex,
    private readonly inString: boolean,
    private readonly baseDepth: number,
    private readonly chunkSize: number,
  ) {
    this.depth = baseDepth;
  }

  private scanner(): ExpressionScanner {
    return new ExpressionScanner(this.src, this.lines, this.depth, this.chunkSize);
  }

  private error(message: string, offset: number): VtlSyntaxError {
    return new VtlSyntaxError(message, this.lines.position(offset));
  }

  /** Literal text (starting at the current offset); not a token boundary. */
  private text(text: string): void {
    if (text) this.tokens.push({ kind: 'text', text, start: this.i });
    this.atBoundary = false;
  }

  /** Text produced by a construct (an escape, a raw block, a literal directive): a token boundary. */
  private constructText(text: string): void {
    if (text) this.tokens.push({ kind: 'text', text, start: this.i });
    this.atBoundary = true;
  }

  run(): LexToken[] {
    try {
      return this.scan();
    } catch (e) {
      throw typedError(e, this.lines.position(this.i));
    }
  }

  private scan(): LexToken[] {
    const s = this.src;
    while (this.i < s.length) {
      const c = s[this.i];
      if ((this.referenceState === 'reference' || this.referenceState === 'set') && this.referenceTail()) continue;
      // Raw blocks and block comments return the 1.7 lexer to the state it was in before them, and a
      // plain reference has not ended yet when one follows it directly.
      const keepState = this.referenceState !== 'none' && (s.startsWith('#[[', this.i) || s.startsWith('#*', this.i));
      const kept = this.referenceState === 'plain' ? 'reference' : this.referenceState;
      this.referenceState = 'none';
      // A #set (with its leading blanks) directly after a reference keeps the reference's lexer state.
      const setNext = this.afterReference && /^[ \t]*#(?:set|\{set\}) *\(/.test(s.slice(this.i, this.i + 24));
      if (!setNext) this.afterReference = false;
      if (c === '\\') this.backslashes();
      else if (c === '$') this.dollar();
      else if (c === '#') this.hash();
      else this.textRun();
      if (keepState) this.referenceState = kept;
    }
    return this.tokens;
  }

  /** Handles text right after a construct that leaves 1.7 in REFERENCE state; true if it consumed some. */
  private referenceTail(): boolean {
    const s = this.src;
    const state = this.referenceState;
    if (s[this.i] === '[') {
      throw this.error(
        state === 'set'
          ? "'[' cannot follow a #set that comes right after a reference (a Velocity 1.7 parse error)"
          : "'[' here would index the reference before it (a Velocity 1.7 parse error)",
        this.i,
      );
    }
    const name = /^[a-zA-Z_][a-zA-Z0-9_-]*/.exec(s.slice(this.i, this.i + 256));
    if (!name) return false;
    this.referenceState = 'none';
    this.text(name[0]);
    let j = this.i + name[0].length;
    let endsInProperty = false;
    for (;;) {
      const step = /^(?:\.[a-zA-Z][a-zA-Z0-9_-]*|\[[^\]\n]*\])/.exec(s.slice(j, j + 256));
      if (!step) {
        if (s[j] === '[') throw this.error("unclosed '[' after a name that Velocity 1.7 reads as a reference", j);
        break;
      }
      endsInProperty = step[0].startsWith('.');
      j += step[0].length;
    }
    this.i = j;
    if (endsInProperty && s.startsWith('##', j)) {
      // After a `.name` step `##` is not a comment either (see dollar()).
      this.hashPrefix = '#';
      this.i++;
    }
    return true;
  }

  private textRun(): void {
    const s = this.src;
    let j = this.i;
    while (j < s.length && s[j] !== '$' && s[j] !== '#' && s[j] !== '\\') j++;
    const run = s.slice(this.i, j);
    // R3: blanks that start at a token boundary belong to a following #set and print nothing.
    if (!(this.atBoundary && /^[ \t]+$/.test(run) && SET_DIRECTIVE.test(s.slice(j, j + 16)))) this.text(run);
    this.i = j;
  }

  /** After a directive's `)` or `#else`/`#end`: trailing blanks plus one line break are swallowed. */
  private swallowLineEnd(from: number): number {
    const s = this.src;
    let j = from;
    while (s[j] === ' ' || s[j] === '\t') j++;
    if (s[j] === '\n') return j + 1;
    if (s[j] === '\r') return s[j + 1] === '\n' ? j + 2 : j + 1;
    return from;
  }

  private dollar(): void {
    const s = this.src;
    const scanner = this.scanner();
    const end = scanner.scanReference(this.i);
    if (end !== null) {
      const refStart = this.i;
      this.tokens.push({ kind: 'reference', start: refStart, end, literals: scanner.literals, steps: scanner.lastSteps });
      this.i = end;
      this.atBoundary = true;
      this.afterReference = s[start0(s, refStart)] !== '{';
      if (this.afterReference) this.referenceState = scanner.endsInCallOrIndex ? 'reference' : 'plain';
      if (s[end] === '{' && s[start0(s, refStart)] !== '{' && /^\{(?:[a-zA-Z_[\\]|\$!?[a-zA-Z_])/.test(s.slice(end, end + 4))) {
        // 1.7 lexer quirk: a `{` right after a reference opens a braced tail: `$a{b}` and `$a{$b}`
        // print `{` and swallow the rest; anything else there is a parse error.
        const brace = /^\{(?:[a-zA-Z_][a-zA-Z0-9_.-]*|\$!?[a-zA-Z_][a-zA-Z0-9_.-]*)\}/.exec(s.slice(end, end + 256));
        if (!brace) throw this.error(`'{' right after a reference must hold a name and '}' (Velocity 1.7 reads it as part of the reference)`, end);
        this.text('{');
        this.i = end + brace[0].length;
        return;
      }
      if (scanner.endsInProperty && s.startsWith('##', end)) {
        // 1.7 lexer quirk: right after `$a.b`, `##` is not a comment. The first `#` joins the next
        // token: it vanishes before a directive (`$a.b##end` closes a block) and prints before text.
        this.hashPrefix = '#';
        this.i++;
      }
      return;
    }
    if (this.i + 1 >= s.length || (s[this.i + 1] === '!' && this.i + 2 >= s.length)) {
      if (!this.inString) throw this.error(`'${s.slice(this.i)}' at the end of the template`, this.i);
      this.text('$'); // 1.7 prints a trailing `$!` of a string literal as `$`
      this.i = s.length;
      return;
    }
    const rest = s.slice(this.i, this.i + 64);
    // 1.7 lexer quirks for a `$` that starts no reference: before blanks and #set, before a control
    // directive (#if, #else, #end, #set…) or a block comment it vanishes; before any other #word it
    // prints, and the word with it, as text.
    const dropped = /^(?:\$!?)+(?:[ \t]*(?=#(?:set|\{set\}) *\()|(?=#(?:\{?(?:if|elseif|else|end)\}?(?![a-zA-Z0-9_@])|\*)))/.exec(rest);
    if (dropped) {
      this.i += dropped[0].length;
      this.atBoundary = true;
      return;
    }
    if (/^\$!?#\[\[/.test(rest)) {
      // `$#[[raw]]#` prints `[raw`: the `$#` vanish and the raw block keeps its first bracket.
      const open = s.indexOf('#[[', this.i);
      const close = s.indexOf(']]#', open + 3);
      if (close < 0) throw this.error("unclosed '#[[': missing ']]#'", open);
      this.constructText('[' + s.slice(open + 3, close));
      this.i = close + 3;
      return;
    }
    const literalWord = /^\$!?#(?:\{[a-zA-Z_@][a-zA-Z0-9_@]*\}|[a-zA-Z_@][a-zA-Z0-9_@]*)/.exec(rest);
    if (literalWord) {
      // Printed as written, with its argument list if it has one (unevaluated, like an unknown directive).
      let end = this.i + literalWord[0].length;
      const open = this.openParenthesis(end);
      if (open >= 0) end = this.swallowLineEnd(this.scanner().scanGroup(open + 1, ')').end);
      this.constructText(s.slice(this.i, end));
      this.i = end;
      return;
    }
    const backslashed = /^\$(\\+)(\$?)/.exec(rest);
    if (backslashed) {
      // 1.7: `$\$x` prints `$\` and evaluates `$x`; `$\#x` and `$\\y` lose the `$`.
      if (backslashed[2]) {
        this.constructText('$' + backslashed[1]);
        this.i += 1 + backslashed[1].length;
      } else {
        this.i += 1;
        this.atBoundary = true;
      }
      return;
    }
    this.text('$');
    this.i++;
  }

  private hash(): void {
    const prefix = this.hashPrefix;
    this.hashPrefix = '';
    const s = this.src;
    const start = this.i;
    if (s.startsWith('##', start)) {
      let j = start + 2;
      while (j < s.length && s[j] !== '\n' && s[j] !== '\r') j++;
      this.i = j >= s.length ? j : s[j] === '\r' && s[j + 1] === '\n' ? j + 2 : j + 1;
      this.atBoundary = true;
      return;
    }
    if (s.startsWith('#*', start)) {
      if (start + 2 >= s.length && !this.inString) throw this.error("'#*' at the end of the template", start);
      const close = s.indexOf('*#', start + 2);
      this.i = close < 0 ? s.length : close + 2;
      this.atBoundary = true;
      return;
    }
    if (s.startsWith('#[[', start)) {
      const close = s.indexOf(']]#', start + 3);
      if (close < 0) throw this.error("unclosed '#[[': missing ']]#'", start);
      this.constructText(s.slice(start + 3, close));
      this.i = close + 3;
      return;
    }
    const set = SET_DIRECTIVE.exec(s.slice(start, start + 16));
    if (set) {
      this.directive('set', start, start + set[0].length);
      return;
    }
    if (start + 1 >= s.length && !this.inString) throw this.error("'#' at the end of the template", start);
    if (/^#\\+#/.test(s.slice(start, start + 64))) {
      // 1.7: a lone `#` before an escaped directive (`#\#if`) vanishes.
      this.i++;
      this.atBoundary = true;
      return;
    }
    const backslashed = /^#(\\+)\$/.exec(s.slice(start, start + 64));
    if (backslashed) {
      // 1.7: `#\$x` prints `#\` and evaluates `$x`.
      this.text('#' + backslashed[1]);
      this.i += 1 + backslashed[1].length;
      return;
    }
    const word = WORD.exec(s.slice(start, start + 256));
    if (!word) {
      // A lone `#` directly before blanks and #set is dropped along with them (1.7 lexer quirk).
      const m = /^#[ \t]+(?=#(?:set|\{set\}) *\()/.exec(s.slice(start, start + 64));
      if (m) {
        this.i += m[0].length;
        this.atBoundary = true;
        return;
      }
      this.text(prefix + '#');
      this.i++;
      return;
    }
    const name = word[1] ?? word[2]!;
    const afterWord = start + word[0].length;
    switch (name) {
      case 'end':
      case 'else':
        if (name === 'end' && this.depth > this.baseDepth) this.depth--;
        this.tokens.push({ kind: name, start });
        this.i = this.swallowLineEnd(afterWord);
        this.atBoundary = true;
        return;
      case 'stop':
        this.tokens.push({ kind: 'stop', start });
        this.i = afterWord;
        this.atBoundary = true;
        return;
      case 'if':
      case 'elseif': {
        const open = this.openParenthesis(afterWord);
        if (open < 0) throw this.error(`#${name} must be followed by a condition in parentheses`, start);
        this.directive(name, start, open + 1);
        return;
      }
      case 'set':
        if (this.openParenthesis(afterWord) >= 0) {
          throw this.error('only spaces may stand between #set and its parenthesis', start);
        }
        this.constructText(word[0]);
        this.i = afterWord;
        return;
    }
    const open = this.openParenthesis(afterWord);
    if (BLOCK_OR_LINE_DIRECTIVES.has(name)) {
      if (open >= 0) {
        this.directive(name as DirectiveName, start, open + 1);
        return;
      }
      if (name === 'break') {
        this.tokens.push({ kind: 'break', start });
        this.i = afterWord;
        this.atBoundary = true;
        return;
      }
      throw this.error(`#${name} requires arguments in parentheses`, start);
    }
    if (open < 0) {
      this.constructText(prefix + word[0]);
      this.i = afterWord;
      return;
    }
    // An unknown directive or a macro call: on API Gateway it prints exactly as written,
    // including the blanks and line break its `)` swallows. Its arguments must still parse.
    const scanner = this.scanner();
    const group = scanner.scanGroup(open + 1, ')');
    validateDirectiveArguments(group.tokens, name, (m, at) => this.error(m, at));
    const end = this.swallowLineEnd(group.end);
    this.tokens.push({ kind: 'text', text: s.slice(start, end), start, printedDirective: name });
    this.atBoundary = true;
    this.i = end;
  }

  /** The offset of `(` after optional whitespace (line breaks included), or -1. */
  private openParenthesis(from: number): number {
    const s = this.src;
    let j = from;
    while (s[j] === ' ' || s[j] === '\t' || s[j] === '\n' || s[j] === '\r') j++;
    return s[j] === '(' ? j : -1;
  }

  private directive(name: DirectiveName, start: number, argsStart: number): void {
    if (BLOCKS.has(name) && this.depth + 1 > MAX_NESTING) throw nestingError(`#${name}`, this.lines.position(start));
    const setFollowsReference = this.afterReference;
    const scanner = this.scanner();
    const group = scanner.scanGroup(argsStart, ')');
    if (name === 'macro' || name === 'include' || name === 'parse' || name === 'break') {
      validateDirectiveArguments(group.tokens, name, (m, at) => this.error(m, at));
    }
    if (name === 'macro' && group.tokens[0]?.kind !== 'word') {
      throw this.error('a #macro declaration requires a name as its first argument', start);
    }
    this.tokens.push({
      kind: 'directive',
      name,
      start,
      argsStart,
      argsEnd: group.end - 1,
      literals: scanner.literals,
      tokens: group.tokens,
    });
    this.i = this.swallowLineEnd(group.end);
    this.atBoundary = true;
    if (name === 'set' && setFollowsReference) this.referenceState = 'set';
    if (BLOCKS.has(name)) this.depth++;
  }

  private backslashes(): void {
    const s = this.src;
    const start = this.i;
    let j = start;
    while (s[j] === '\\') j++;
    const n = j - start;
    if (s[j] === '$') {
      const scanner = this.scanner();
      const end = scanner.scanReference(j);
      if (end !== null) {
        // Each pair prints one backslash; an odd one left over escapes the reference.
        this.constructText('\\'.repeat(n >> 1));
        if (n % 2 === 1) this.constructText(s.slice(j, end));
        else this.tokens.push({ kind: 'reference', start: j, end, literals: scanner.literals, steps: scanner.lastSteps });
        this.i = end;
        this.atBoundary = true;
        return;
      }
      this.constructText(s.slice(start, j));
      this.i = j;
      return;
    }
    if (s[j] === '#') {
      const word = WORD.exec(s.slice(j, j + 256));
      if (word) {
        const name = word[1] ?? word[2]!;
        const known = ESCAPABLE.has(name);
        if (n % 2 === 1) {
          // `\#if` prints `#if`; `\\\#if` prints `\#if`; an unknown `\#foo` prints unchanged.
          this.constructText(known ? '\\'.repeat(n >> 1) + word[0] : s.slice(start, j) + word[0]);
          this.i = j + word[0].length;
          return;
        }
        // `\\#if(...)`: the pairs print one backslash each before a directive, two otherwise.
        this.constructText(known && name !== 'set' ? '\\'.repeat(n >> 1) : s.slice(start, j));
        this.i = j;
        return;
      }
    }
    this.constructText(s.slice(start, j));
    this.i = j;
  }
}

/** The character after `$` or `$!` at `dollar` (a `{` there makes the reference braced). */
function start0(s: string, dollar: number): number {
  return s[dollar + 1] === '!' ? dollar + 2 : dollar + 1;
}

/**
 * The arguments of `#name(...)` for pluggable directives and macro calls: references, words, strings,
 * numbers, lists, ranges, maps and booleans, separated by blanks or commas (Velocity 1.7 `DirectiveArg`).
 */
function validateDirectiveArguments(
  tokens: ArgumentToken[],
  name: string,
  error: (message: string, offset: number) => VtlSyntaxError,
): void {
  for (const t of tokens) {
    if (t.kind === 'operator' || t.kind === 'group') {
      throw error(`invalid argument '${t.text}' in #${name}(...): expected a reference, word, literal, list or map`, t.start);
    }
  }
}
