/**
 * Template text → template tree. The lexer finds the constructs (with Velocity 1.7's whitespace rules
 * applied), velocityjs parses each one, and this module nests blocks and validates them: an unclosed
 * `#if`/`#foreach`/`#define`/`#macro`, a stray `#end`, `#else` or `#elseif` are syntax errors with the
 * line and column of the offending directive.
 */
import type { IfNode, Position, TemplateNode } from '../ast.js';
import { VtlSyntaxError } from '../errors.js';
import { FragmentParser } from './fragment.js';
import { lex, type LexToken } from './lexer.js';
import { parseEnv, typedError, type ParseEnv, type ParseOptions } from './limits.js';
import { LineIndex } from './source.js';

interface OpenBlock {
  kind: 'if' | 'foreach' | 'define' | 'macro';
  /** Where new nodes go. */
  body: TemplateNode[];
  /** The node the block becomes (absent for #macro, which API Gateway discards). */
  node: TemplateNode | null;
  position: Position;
  sawElse: boolean;
}

/**
 * Parses a template.
 * @throws VtlSyntaxError; VtlLimitError (`nesting`) when it nests deeper than MAX_NESTING (limits.ts).
 */
export function parseTemplate(src: string, options?: ParseOptions): TemplateNode[] {
  return parseText(src, null, 0, parseEnv(options));
}

/**
 * Parses an interpolated string literal's body, `depth` levels deep; positions are shifted to where it
 * sits in the template.
 */
export function parseStringTemplate(src: string, origin: Position, depth = 0, env: ParseEnv = parseEnv()): TemplateNode[] {
  return parseText(src, origin, depth, env);
}

function parseText(src: string, origin: Position | null, depth: number, env: ParseEnv): TemplateNode[] {
  const lines = new LineIndex(src, origin ?? undefined);
  let tokens: LexToken[];
  try {
    tokens = lex(src, lines, origin !== null, depth, env.chunkSize);
  } catch (e) {
    throw typedError(e, lines.position(0));
  }
  return build(src, lines, tokens, env);
}

function build(src: string, lines: LineIndex, tokens: LexToken[], env: ParseEnv): TemplateNode[] {
  const fragments = new FragmentParser(src, lines, (text, position, depth) => parseStringTemplate(text, position, depth, env), env);
  const root: TemplateNode[] = [];
  const stack: OpenBlock[] = [];
  let current = root;
  const at = (offset: number) => lines.position(offset);
  const push = (node: TemplateNode) => {
    const last = current[current.length - 1];
    if (node.kind === 'text' && last?.kind === 'text') {
      // One text, from several places: coverage needs the line each piece is on.
      (last.pieces ??= [{ offset: 0, line: last.position.line }]).push({ offset: last.text.length, line: node.position.line });
      last.text += node.text;
    } else current.push(node);
  };
  const open = (block: OpenBlock) => {
    if (block.node) push(block.node);
    stack.push(block);
    current = block.body;
  };

  for (const token of tokens) {
    try {
      step(token);
    } catch (e) {
      // Whatever escaped (a stack overflow the nesting limit did not foresee) is reported where it happened.
      throw typedError(e, at(token.start));
    }
  }
  const unclosed = stack.pop();
  if (unclosed) throw new VtlSyntaxError(`#${unclosed.kind} is never closed with #end`, unclosed.position);
  return root;

  function step(token: LexToken): void {
    switch (token.kind) {
      case 'text':
        push({ kind: 'text', text: token.text, position: at(token.start) });
        break;
      case 'reference':
        push({ kind: 'reference', reference: fragments.parseReference(token.start, token.end, token.literals, token.steps) });
        break;
      case 'stop':
        push({ kind: 'stop', position: at(token.start) });
        break;
      case 'break':
        push({ kind: 'break', position: at(token.start) });
        break;
      case 'else': {
        const top = stack[stack.length - 1];
        if (!top || top.kind !== 'if') throw new VtlSyntaxError('#else without a matching #if', at(token.start));
        if (top.sawElse) throw new VtlSyntaxError('a second #else in the same #if', at(token.start));
        top.sawElse = true;
        const ifNode = top.node as IfNode;
        ifNode.otherwise = [];
        current = top.body = ifNode.otherwise;
        break;
      }
      case 'end': {
        const top = stack.pop();
        if (!top) throw new VtlSyntaxError('#end without a matching #if, #foreach, #define or #macro', at(token.start));
        const parent = stack[stack.length - 1];
        current = parent ? parent.body : root;
        break;
      }
      case 'directive': {
        const position = at(token.start);
        switch (token.name) {
          case 'set': {
            const { target, value } = fragments.parseSet(token.start, token.argsStart, token.argsEnd, token.literals);
            push({ kind: 'set', target, value, position });
            break;
          }
          case 'if': {
            const condition = fragments.parseCondition('if', token.start, token.argsStart, token.argsEnd, token.literals);
            const body: TemplateNode[] = [];
            const node: IfNode = { kind: 'if', branches: [{ condition, body, position }], otherwise: null };
            open({ kind: 'if', body, node, position, sawElse: false });
            break;
          }
          case 'elseif': {
            const top = stack[stack.length - 1];
            if (!top || top.kind !== 'if') throw new VtlSyntaxError('#elseif without a matching #if', position);
            if (top.sawElse) throw new VtlSyntaxError('#elseif after #else', position);
            const condition = fragments.parseCondition('elseif', token.start, token.argsStart, token.argsEnd, token.literals);
            const body: TemplateNode[] = [];
            (top.node as IfNode).branches.push({ condition, body, position });
            current = top.body = body;
            break;
          }
          case 'foreach': {
            const { variable, iterable } = fragments.parseForeach(token.start, token.tokens, token.literals);
            const body: TemplateNode[] = [];
            open({ kind: 'foreach', body, node: { kind: 'foreach', variable, iterable, body, position }, position, sawElse: false });
            break;
          }
          case 'define': {
            const name = fragments.parseDefine(token.start, token.argsStart, token.argsEnd, token.literals);
            const body: TemplateNode[] = [];
            open({ kind: 'define', body, node: { kind: 'define', name, body, position }, position, sawElse: false });
            break;
          }
          case 'macro':
            // Inline macros are disabled on API Gateway: the definition vanishes (its body must still parse).
            open({ kind: 'macro', body: [], node: null, position, sawElse: false });
            break;
          case 'include':
          case 'parse':
            push({ kind: 'unsupported', directive: token.name, position });
            break;
          case 'break':
            push({ kind: 'break', position });
            break;
        }
        break;
      }
    }
  }
}
