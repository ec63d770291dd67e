/** `#break`, `#stop`, and the directives API Gateway cannot run (`#parse`, `#include`). */
import type { UnsupportedDirectiveNode } from '../ast.js';
import { VtlRuntimeError } from '../errors.js';
import { BREAK, STOP, type Render } from '../runtime/frame.js';

/** `#break` leaves the innermost `#foreach` (outside any loop it ends the template, as in Velocity 1.7). */
export function compileBreak(): Render {
  return () => BREAK;
}

/** `#stop` ends the render; what was written so far is the output. */
export function compileStop(): Render {
  return () => STOP;
}

export function compileUnsupported(node: UnsupportedDirectiveNode): Render {
  const message = `#${node.directive} is not supported by API Gateway: a mapping template cannot load other templates`;
  return () => {
    throw new VtlRuntimeError(message, node.position);
  };
}
