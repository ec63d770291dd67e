/**
 * Velocity highlighting for CodeMirror: a stream tokenizer (VTL has no Lezer grammar, and a
 * highlighter only needs tokens, not a tree). Literal text stays plain, so the JSON a template writes
 * reads as text, and directives, references, strings and comments stand out.
 */
import { StreamLanguage, type StreamParser, type StringStream } from '@codemirror/language';

interface VtlState {
  /** Inside `#* … *#`. */
  blockComment: boolean;
  /** Open parentheses and brackets of directive arguments and method calls. */
  depth: number;
  /** Inside `${ … }`. */
  braced: boolean;
  /** The last token was a reference or a property, so `.name` and `(` continue it. */
  afterReference: boolean;
}

const DIRECTIVES = /^#\{?(set|if|elseif|else|end|foreach|break|stop|macro|define|parse|include|evaluate)\}?/;
const WORDS_IN_ARGUMENTS = /^(in|and|or|not|eq|ne|lt|gt|le|ge)\b/;

function reference(stream: StringStream, state: VtlState): string | null {
  if (stream.match(/^\$!?\{?[A-Za-z_][\w-]*/)) {
    state.braced = stream.current().includes('{');
    state.afterReference = true;
    return 'variableName';
  }
  return null;
}

function continuation(stream: StringStream, state: VtlState): string | null {
  if (!state.afterReference) return null;
  if (stream.match(/^\.[A-Za-z_][\w-]*/)) return 'propertyName';
  if (stream.eat('(') || stream.eat('[')) {
    state.depth++;
    state.afterReference = false;
    return 'bracket';
  }
  state.afterReference = false;
  if (state.braced && stream.eat('}')) {
    state.braced = false;
    return 'variableName';
  }
  return null;
}

function insideArguments(stream: StringStream, state: VtlState): string | null {
  if (stream.eatSpace()) return null;
  if (stream.match(/^"(?:[^"\\]|\\.)*"?/) || stream.match(/^'[^']*'?/)) return 'string';
  if (stream.match(/^-?\d+(\.\d+)?/)) return 'number';
  if (stream.match(/^(true|false|null)\b/)) return 'atom';
  if (stream.match(WORDS_IN_ARGUMENTS)) return 'keyword';
  if (stream.eat('(') || stream.eat('[') || stream.eat('{')) {
    state.depth++;
    return 'bracket';
  }
  if (stream.eat(')') || stream.eat(']') || stream.eat('}')) {
    state.depth--;
    state.afterReference = state.depth === 0;
    return 'bracket';
  }
  if (stream.match(/^(==|!=|<=|>=|&&|\|\||[=<>!+\-*/%])/)) return 'operator';
  stream.next();
  return null;
}

export const vtlParser: StreamParser<VtlState> = {
  name: 'velocity',
  startState: () => ({ blockComment: false, depth: 0, braced: false, afterReference: false }),
  copyState: (s) => ({ ...s }),
  token(stream, state) {
    if (state.blockComment) {
      if (stream.skipTo('*#')) {
        stream.match('*#');
        state.blockComment = false;
      } else stream.skipToEnd();
      return 'blockComment';
    }
    const continued = continuation(stream, state);
    if (continued) return continued;
    if (stream.match('#*')) {
      state.blockComment = true;
      return 'blockComment';
    }
    if (stream.match('##')) {
      stream.skipToEnd();
      return 'lineComment';
    }
    const ref = reference(stream, state);
    if (ref) return ref;
    if (state.depth > 0) return insideArguments(stream, state);
    if (stream.match(DIRECTIVES)) {
      stream.eatSpace();
      if (stream.eat('(')) state.depth = 1;
      return 'keyword';
    }
    // Literal text, up to the next character that could start VTL.
    stream.next();
    while (!stream.eol() && stream.peek() !== '#' && stream.peek() !== '$') stream.next();
    return null;
  },
  languageData: { commentTokens: { line: '##', block: { open: '#*', close: '*#' } } },
};

export const vtl = StreamLanguage.define(vtlParser);
