/**
 * The state of one render: the variables (one flat scope, as in Velocity), the output, the work done so
 * far and the warnings. Compiled closures receive the frame; nothing else is shared between renders.
 */
import { CHARS_PER_UNIT, type Meter } from '../../java/meter.js';
import type { MethodContext } from '../../java/methods/context.js';
import type { PatternCache } from '../../java/regex/index.js';
import type { Value } from '../../java/values.js';
import type { Position } from '../ast.js';
import { VtlLimitError } from '../errors.js';
import type { RenderLimits } from './limits.js';
import { locate } from './failures.js';

/** What a render closure reports upward: carry on, leave the innermost `#foreach`, or stop everything. */
export const NORMAL = 0;
export const BREAK = 1;
export const STOP = 2;
export type Status = typeof NORMAL | typeof BREAK | typeof STOP;

export type Render = (frame: Frame) => Status;
export type Evaluate = (frame: Frame) => Value;

/**
 * Variable names resolved to slots at compile time. Velocity has a single scope per render (a
 * `#foreach` saves and restores its own variables), so a flat array is exact.
 */
export class SlotTable {
  private readonly slots = new Map<string, number>();
  /** Names the compiled code asked for (a template that never names `$context` need not have one built). */
  readonly requested = new Set<string>();

  slot(name: string): number {
    this.requested.add(name);
    let index = this.slots.get(name);
    if (index === undefined) {
      index = this.slots.size;
      this.slots.set(name, index);
    }
    return index;
  }

  get size(): number {
    return this.slots.size;
  }
}

export class Frame implements MethodContext {
  out = '';
  /** How many captures (string literals, `#define` values) are being built right now. */
  private capturing = 0;
  defineDepth = 0;
  readonly vars: Array<Value | undefined>;
  readonly warnings: string[] = [];

  constructor(
    slotCount: number,
    readonly limits: RenderLimits,
    /** The render's account: work, memory, string cap. */
    readonly meter: Meter,
    /** The compiled template's regexes. */
    readonly patterns: PatternCache,
  ) {
    this.vars = new Array<Value | undefined>(slotCount).fill(undefined);
  }

  /** Work done so far, in the meter's units. */
  get work(): number {
    return this.meter.work;
  }

  write(text: string, position: Position): void {
    this.out += text;
    const cap = this.capturing > 0 ? Math.min(this.limits.maxOutputLength, this.meter.maxStringLength) : this.limits.maxOutputLength;
    if (this.out.length > cap) {
      if (this.capturing > 0) throw new VtlLimitError(`a string longer than ${cap} characters was built`, position, 'string');
      throw new VtlLimitError(`output exceeds ${cap} characters`, position, 'output');
    }
    // Appending is cheap (V8 builds ropes), but flattening and copying the text later is not.
    const meter = this.meter;
    meter.work += text.length / CHARS_PER_UNIT + 0.25;
    if (meter.work > meter.maxWork) this.overWork(position);
  }

  /** Counts work; a template that exceeds the budget is stopped. */
  tick(units: number, position: Position): void {
    const meter = this.meter;
    meter.work += units;
    if (meter.work > meter.maxWork) this.overWork(position);
  }

  private overWork(position: Position): never {
    try {
      this.meter.charge(0);
    } catch (e) {
      throw locate(e, position, 'rendering');
    }
    throw new Error('unreachable: the work budget was exceeded');
  }

  /** Charges bytes allocated by the construct at `position`. */
  alloc(bytes: number, position: Position): void {
    try {
      this.meter.alloc(bytes);
    } catch (e) {
      throw locate(e, position, 'rendering');
    }
  }

  warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }

  /** Renders into a fresh buffer and returns the text (string literals, `#define` bodies as values). */
  capture(render: Render): { text: string; status: Status } {
    const saved = this.out;
    this.out = '';
    this.capturing++;
    try {
      const status = render(this);
      return { text: this.out, status };
    } finally {
      this.capturing--;
      this.out = saved;
    }
  }
}
