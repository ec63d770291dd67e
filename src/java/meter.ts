/**
 * The resources one render may spend, charged in proportion to what each operation costs.
 *
 * - **work** bounds CPU. One unit is about the cost of one interpreted step (a method dispatch, a loop
 *   iteration, a node visited while printing or comparing, one backtracking step of a regex); operations
 *   over characters charge one unit per {@link CHARS_PER_UNIT} characters scanned, copied or produced.
 * - **memory** bounds what a render allocates (and so what it can retain): bytes of the strings it
 *   creates and of the list slots, map entries and objects it adds. Allocation is an upper bound of
 *   retention, so nothing a render keeps can exceed it.
 * - **string** caps any single string a render creates, from any source.
 *
 * Code in `java/` and `gateway/` charges a Meter and throws {@link BudgetExceeded} without a location;
 * the renderer turns it into a located `VtlLimitError` at the construct that was running.
 */

/** Characters an operation may scan, copy or produce for one unit of work. */
export const CHARS_PER_UNIT = 16;
/** Container elements an operation may copy or visit natively (`addAll`, `subList`, a view) for one unit. */
export const ELEMENTS_PER_UNIT = 8;

/** Bytes charged per character of a created string (UTF-16). */
export const BYTES_PER_CHAR = 2;
/** Bytes charged per list slot, map entry or small object a render creates. */
export const BYTES_PER_SLOT = 16;
export const BYTES_PER_ENTRY = 48;
export const BYTES_PER_OBJECT = 32;

export type BudgetKind = 'work' | 'memory' | 'string';

/** A limit of the render's budget was reached (located by the renderer). */
export class BudgetExceeded extends Error {
  constructor(
    readonly kind: BudgetKind,
    readonly limit: number,
    message: string,
  ) {
    super(message);
    this.name = 'BudgetExceeded';
  }
}

export interface MeterLimits {
  maxWork: number;
  maxMemory: number;
  maxStringLength: number;
}

/** One render's account. Cheap to call on hot paths: a couple of additions and a comparison. */
export class Meter {
  work = 0;
  memory = 0;
  readonly maxWork: number;
  readonly maxMemory: number;
  readonly maxStringLength: number;

  constructor(limits: MeterLimits) {
    this.maxWork = limits.maxWork;
    this.maxMemory = limits.maxMemory;
    this.maxStringLength = limits.maxStringLength;
  }

  /** Charges units of work. */
  charge(units: number): void {
    this.work += units;
    if (this.work > this.maxWork) this.overWork();
  }

  /** Charges the work of scanning or copying `count` characters. */
  chars(count: number): void {
    this.work += count / CHARS_PER_UNIT;
    if (this.work > this.maxWork) this.overWork();
  }

  /** Charges the work of copying or visiting `count` elements in native code. */
  elements(count: number): void {
    this.work += count / ELEMENTS_PER_UNIT;
    if (this.work > this.maxWork) this.overWork();
  }

  /** Charges bytes allocated. */
  alloc(bytes: number): void {
    this.memory += bytes;
    if (this.memory > this.maxMemory) {
      throw new BudgetExceeded('memory', this.maxMemory, `the render allocated more than ${this.maxMemory} bytes`);
    }
  }

  /**
   * Admits a string of `length` characters that is about to be (or was just) created: checks the string
   * cap and charges its characters as work and memory. Call it *before* building when the length is
   * known, so an oversized string is never built.
   */
  admit(length: number): void {
    if (length > this.maxStringLength) {
      throw new BudgetExceeded('string', this.maxStringLength, `a string longer than ${this.maxStringLength} characters was built`);
    }
    this.work += length / CHARS_PER_UNIT;
    if (this.work > this.maxWork) this.overWork();
    this.memory += length * BYTES_PER_CHAR;
    if (this.memory > this.maxMemory) {
      throw new BudgetExceeded('memory', this.maxMemory, `the render allocated more than ${this.maxMemory} bytes`);
    }
  }

  /** {@link admit} for a string already built; returns it. */
  string<T extends string>(s: T): T {
    this.admit(s.length);
    return s;
  }

  private overWork(): never {
    throw new BudgetExceeded('work', this.maxWork, `work budget of ${this.maxWork} units exceeded (runaway loop, regex or data?)`);
  }
}

/** A meter with no limits, for callers outside a render (selection patterns, tools). */
export function unlimitedMeter(): Meter {
  return new Meter({ maxWork: Infinity, maxMemory: Infinity, maxStringLength: Infinity });
}
