/**
 * Template tree → render closures. Each node becomes one small closure, compiled once; rendering runs
 * the closures against a fresh Frame and never looks at the template text again.
 */
import { toJavaString } from '../../java/print.js';
import type { Value } from '../../java/values.js';
import type { Position, Reference, TemplateNode } from '../ast.js';
import { NORMAL, type Frame, type Render, type Status } from '../runtime/frame.js';
import { locate } from '../runtime/failures.js';
import type { CompileContext } from './context.js';
import { compileReference } from './references.js';
import { compileSet } from '../directives/set.js';
import { compileIf } from '../directives/if.js';
import { compileForeach } from '../directives/foreach.js';
import { compileDefine, DefineBlock } from '../directives/define.js';
import { compileBreak, compileStop, compileUnsupported } from '../directives/control.js';

export function compileBlock(nodes: TemplateNode[], ctx: CompileContext): Render {
  const renders = nodes.map((n) => compileNode(n, ctx));
  switch (renders.length) {
    case 0:
      return () => NORMAL;
    case 1:
      return renders[0]!;
    case 2: {
      const [a, b] = renders as [Render, Render];
      return (f) => a(f) || b(f);
    }
    default:
      return (f) => {
        for (let i = 0; i < renders.length; i++) {
          const status = renders[i]!(f);
          if (status !== NORMAL) return status;
        }
        return NORMAL;
      };
  }
}

function compileNode(node: TemplateNode, ctx: CompileContext): Render {
  switch (node.kind) {
    case 'text': {
      const { text, position } = node;
      return (f) => {
        f.write(text, position);
        return NORMAL;
      };
    }
    case 'reference':
      return compileOutput(node.reference, ctx);
    case 'set':
      return compileSet(node, ctx);
    case 'if':
      return compileIf(node, ctx);
    case 'foreach':
      return compileForeach(node, ctx);
    case 'define':
      return compileDefine(node, ctx);
    case 'break':
      return compileBreak();
    case 'stop':
      return compileStop();
    case 'unsupported':
      return compileUnsupported(node);
  }
}

/** `String.valueOf` of a value for output, with failures located at the reference. */
export function printValue(v: Value, position: Position, f: Frame): string {
  if (typeof v === 'string') return v;
  try {
    return toJavaString(v, f.meter);
  } catch (e) {
    throw locate(e, position, 'printing the value');
  }
}

/** A reference in the output: its text, or the body of a `#define` block rendered in place. */
function compileOutput(ref: Reference, ctx: CompileContext): Render {
  const value = compileReference(ref, ctx);
  const position = ref.position;
  return (f: Frame): Status => {
    const v = value(f);
    if (typeof v === 'string') {
      f.write(v, position);
      return NORMAL;
    }
    if (v instanceof DefineBlock) return v.renderInto(f, ref);
    f.write(printValue(v, position, f), position);
    return NORMAL;
  };
}
