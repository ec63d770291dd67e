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
import { ControlSignal } from './control-signal.js';

/** What a render closure reports upward: carry on, leave the innermost `#foreach`, or stop everything. */
export const NORMAL = 0;
export const BREAK = 1;
export const STOP = 2;
export type Status = typeof NORMAL | typeof BREAK | typeof STOP;

export type Render = (frame: Frame) => Status;

/** Writes appended to one output chunk before it is flattened. */
const CHUNK_WRITES = 4096;
/** No finished chunks (shared, never written to: a capture of a short string allocates nothing). */
const NO_CHUNKS: string[] = [];
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
  /**
   * The output: finished chunks, and the chunk being appended to. Appending makes a rope node per write;
   * a long output would keep every node alive to the end of the render, and the garbage collector would
   * copy them again and again. So a chunk is flattened into one string every {@link CHUNK_WRITES} writes
   * (the rope's nodes die young) and the chunks are joined once at the end.
   */
  private chunks: string[] = NO_CHUNKS;
  private chunk = '';
  private writes = 0;
  /** The length of the finished chunks. */
  private sealed = 0;
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

  /** Flattens the current chunk (reading a character does that in place, in V8, SpiderMonkey and JSC). */
  private seal(): void {
    this.writes = 0;
    this.chunk.charCodeAt(0);
    if (this.chunks === NO_CHUNKS) this.chunks = [];
    this.chunks.push(this.chunk);
    this.sealed += this.chunk.length;
    this.chunk = '';
  }

  /** The text written so far. */
  get out(): string {
    if (this.chunks.length === 0) return this.chunk;
    const text = this.chunks.join('') + this.chunk;
    this.chunks = NO_CHUNKS;
    this.sealed = 0;
    this.chunk = text;
    return text;
  }

  /** The length of the text written so far (into the current capture, when capturing). */
  get length(): number {
    return this.sealed + this.chunk.length;
  }

  /** Whether a string literal or `#define` value is being built (its writes are not output yet). */
  get isCapturing(): boolean {
    return this.capturing > 0;
  }

  write(text: string, position: Position): void {
    this.chunk += text;
    if (++this.writes === CHUNK_WRITES) this.seal();
    const cap = this.capturing > 0 ? Math.min(this.limits.maxOutputLength, this.meter.maxStringLength) : this.limits.maxOutputLength;
    if (this.sealed + this.chunk.length > cap) {
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

  /**
   * Renders into a fresh buffer and returns the text (string literals, `#define` bodies as values). A
   * `#break` or `#stop` inside unwinds as a {@link ControlSignal}.
   */
  capture(render: Render): string {
    const savedChunks = this.chunks;
    const savedChunk = this.chunk;
    const savedWrites = this.writes;
    const savedSealed = this.sealed;
    this.chunks = NO_CHUNKS;
    this.chunk = '';
    this.writes = 0;
    this.sealed = 0;
    this.capturing++;
    try {
      const status = render(this);
      if (status === BREAK) throw new ControlSignal('break');
      if (status === STOP) throw new ControlSignal('stop');
      return this.out;
    } finally {
      this.capturing--;
      this.chunks = savedChunks;
      this.chunk = savedChunk;
      this.writes = savedWrites;
      this.sealed = savedSealed;
    }
  }
}
