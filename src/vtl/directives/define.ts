/**
 * `#define($name) body #end`: `$name` renders the body, with the variables as they are at that moment.
 * Velocity 1.7 lets a block render itself two levels deep; deeper, the reference prints as written.
 */
import { JavaObject, NO_METHOD, type NoMethod, type Value } from '../../java/values.js';
import type { DefineNode, Reference } from '../ast.js';
import type { CompileContext } from '../compiler/context.js';
import { compileBlock } from '../compiler/compile.js';
import { NORMAL, type Frame, type Render, type Status } from '../runtime/frame.js';

export class DefineBlock extends JavaObject {
  readonly className = 'org.apache.velocity.runtime.directive.Block$Reference';
  /** How deep this block is rendering itself right now (Velocity 1.7 counts per block). */
  private depth = 0;

  constructor(
    private readonly frame: Frame,
    private readonly body: Render,
  ) {
    super();
  }

  /** Renders the body into the frame's output (a `$name` in the template). */
  renderInto(f: Frame, ref: Reference): Status {
    // Blocks that use each other twice per level render 2^n times: each rendering is work.
    f.tick(1, ref.position);
    if (this.depth >= f.limits.maxDefineDepth) {
      f.write(ref.source, ref.position);
      return NORMAL;
    }
    this.depth++;
    try {
      return this.body(f);
    } finally {
      this.depth--;
    }
  }

  /** `$block.toString()` renders the body, as printing it does; the block has no other methods. */
  override invoke(name: string, args: Value[]): Value | NoMethod {
    return name === 'toString' && args.length === 0 ? this.toJavaString() : NO_METHOD;
  }

  /** The body's text, when the block is used as a value (in a string, a comparison, a method call). */
  override toJavaString(): string {
    const f = this.frame;
    f.meter.charge(1);
    if (this.depth >= f.limits.maxDefineDepth) return '';
    this.depth++;
    try {
      return f.capture(this.body);
    } finally {
      this.depth--;
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
