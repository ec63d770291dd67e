/**
 * The state of one render: the variables (one flat scope, as in Velocity), the output, the work done so
 * far and the warnings. Compiled closures receive the frame; nothing else is shared between renders.
 */
import type { Value } from '../../java/values.js';
import type { Position } from '../ast.js';
import { VtlLimitError } from '../errors.js';
import type { RenderLimits } from './limits.js';

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

export class Frame {
  out = '';
  work = 0;
  /** How many captures (string literals, `#define` values) are being built right now. */
  private capturing = 0;
  defineDepth = 0;
  readonly vars: Array<Value | undefined>;
  readonly warnings: string[] = [];

  constructor(
    slotCount: number,
    readonly limits: RenderLimits,
  ) {
    this.vars = new Array<Value | undefined>(slotCount).fill(undefined);
  }

  write(text: string, position: Position): void {
    this.out += text;
    if (this.out.length > this.limits.maxOutputLength) {
      if (this.capturing > 0) {
        throw new VtlLimitError(`a string longer than ${this.limits.maxOutputLength} characters was built`, position, 'string');
      }
      throw new VtlLimitError(`output exceeds ${this.limits.maxOutputLength} characters`, position, 'output');
    }
  }

  /** Counts work; a template that exceeds the budget is stopped. */
  tick(units: number, position: Position): void {
    this.work += units;
    if (this.work > this.limits.maxWork) {
      throw new VtlLimitError(
        `work budget of ${this.limits.maxWork} steps exceeded (runaway loop or range?)`,
        position,
        'work',
      );
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
