/**
 * A `#break` or `#stop` met while text was being captured — inside a string literal, or a `#define`
 * block used as a value. Velocity's StopCommand unwinds the expression that was being evaluated, up to
 * the nearest `#foreach` (`#break`) or to the template (`#stop`, or `#break` outside any loop); this is
 * that unwinding. It is never an error: nothing reports it to a caller.
 */
export class ControlSignal {
  constructor(readonly kind: 'break' | 'stop') {}
}
