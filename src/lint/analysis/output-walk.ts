/**
 * Walks a template in output order, keeping track of whether the output is inside a double-quoted
 * string of the text around it (a JSON string, for a JSON template). `#if` branches start from the same
 * state and the first one's end state carries on; a JSON string never spans lines, so a line break
 * resynchronises after a quote the walk could not pair.
 */
import type { Reference, SetNode, TemplateNode } from '../../vtl/ast.js';

export interface OutputState {
  inString: boolean;
  /** Whether anything but whitespace has been printed before (JSON templates start with `{` or `[`). */
  started: boolean;
  /** The first character printed, once something has been. */
  first: string;
}

export interface OutputVisitor {
  /** A reference printed at this point of the output. */
  printed?(reference: Reference, state: Readonly<OutputState>): void;
  set?(node: SetNode, state: Readonly<OutputState>): void;
}

export function scanText(text: string, state: OutputState): void {
  let backslashes = 0;
  for (const c of text) {
    if (!state.started && c.trim() !== '') {
      state.started = true;
      state.first = c;
    }
    if (c === '"' && backslashes % 2 === 0) state.inString = !state.inString;
    backslashes = c === '\\' ? backslashes + 1 : 0;
    if (c === '\n' && state.inString) state.inString = false;
  }
}

function walk(nodes: readonly TemplateNode[], state: OutputState, visitor: OutputVisitor): void {
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        scanText(node.text, state);
        break;
      case 'reference':
        visitor.printed?.(node.reference, state);
        if (!state.started) {
          state.started = true;
          state.first = '$';
        }
        break;
      case 'set':
        visitor.set?.(node, state);
        break;
      case 'if': {
        const before = { ...state };
        let after: OutputState | undefined;
        for (const branch of [...node.branches.map((b) => b.body), ...(node.otherwise ? [node.otherwise] : [])]) {
          const s = { ...before };
          walk(branch, s, visitor);
          after ??= s;
        }
        if (after) Object.assign(state, after);
        break;
      }
      case 'foreach':
        walk(node.body, state, visitor);
        break;
      case 'define':
        walk(node.body, { inString: false, started: true, first: '' }, visitor);
        break;
      default:
        break;
    }
  }
}

export function walkOutput(nodes: readonly TemplateNode[], visitor: OutputVisitor): void {
  walk(nodes, { inString: false, started: false, first: '' }, visitor);
}

/** Whether the template prints JSON: its output starts with `{` or `[`. */
export function printsJson(nodes: readonly TemplateNode[]): boolean {
  const state: OutputState = { inString: false, started: false, first: '' };
  walk(nodes, state, {});
  return state.first === '{' || state.first === '[';
}
