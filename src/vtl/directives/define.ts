/**
 * `#define($name) body #end`: `$name` renders the body, with the variables as they are at that moment.
 * Velocity 1.7 allows two nested renderings of define blocks; deeper, the reference prints as written.
 */
import { JavaObject } from '../../java/values.js';
import type { DefineNode, Reference } from '../ast.js';
import type { CompileContext } from '../compiler/context.js';
import { compileBlock } from '../compiler/compile.js';
import { NORMAL, type Frame, type Render, type Status } from '../runtime/frame.js';

export class DefineBlock extends JavaObject {
  readonly className = 'org.apache.velocity.runtime.directive.Block$Reference';

  constructor(
    private readonly frame: Frame,
    private readonly body: Render,
  ) {
    super();
  }

  /** Renders the body into the frame's output (a `$name` in the template). */
  renderInto(f: Frame, ref: Reference): Status {
    if (f.defineDepth >= f.limits.maxDefineDepth) {
      f.write(ref.source, ref.position);
      return NORMAL;
    }
    f.defineDepth++;
    try {
      return this.body(f);
    } finally {
      f.defineDepth--;
    }
  }

  /** The body's text, when the block is used as a value (in a string, a comparison, a method call). */
  override toJavaString(): string {
    const f = this.frame;
    if (f.defineDepth >= f.limits.maxDefineDepth) return '';
    f.defineDepth++;
    try {
      return f.capture(this.body).text;
    } finally {
      f.defineDepth--;
    }
  }
}

export function compileDefine(node: DefineNode, ctx: CompileContext): Render {
  const slot = ctx.slots.slot(node.name);
  const body = compileBlock(node.body, ctx);
  return (f) => {
    f.vars[slot] = new DefineBlock(f, body);
    return NORMAL;
  };
}
