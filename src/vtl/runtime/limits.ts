/**
 * Safety limits for one render. API Gateway's own limits are the template size (300 KB) and 1000
 * `#foreach` iterations per loop; the rest are ours, so a template (or a body) that would run for
 * minutes or fill memory fails fast with a VtlLimitError instead. See docs/architecture.md ("Limits")
 * for the cost model behind `maxWork` and `maxMemory`.
 */
import { InvalidInputError } from '../errors.js';

export interface RenderLimits {
  /** `#foreach` iterations per loop before the loop silently stops (API Gateway: 1000). */
  maxLoopIterations: number;
  /**
   * Units of work per render. A unit is about one interpreted step (a method call, a loop iteration, a
   * node printed or compared, a regex backtrack); characters scanned, copied or produced cost one unit
   * per 16, elements copied one per 8. The default stops a render at roughly a second of CPU.
   */
  maxWork: number;
  /** Bytes a render may allocate for the strings, lists, maps and objects it creates (body parsing included). */
  maxMemory: number;
  /** Characters of output. */
  maxOutputLength: number;
  /** Characters of any single string the render creates, from any source (`$util`, methods, concatenation, printing). */
  maxStringLength: number;
  /** How deep a `#define` block may render itself before the reference prints literally (Velocity 1.7: 2). */
  maxDefineDepth: number;
}

export const DEFAULT_LIMITS: Readonly<RenderLimits> = Object.freeze({
  maxLoopIterations: 1000,
  maxWork: 10_000_000,
  maxMemory: 256 * 1024 * 1024,
  maxOutputLength: 10 * 1024 * 1024,
  maxStringLength: 10 * 1024 * 1024,
  maxDefineDepth: 2,
});

/** API Gateway rejects mapping templates over 300 KB. */
export const MAX_TEMPLATE_BYTES = 300 * 1024;

/** `#define` recursion renders nested closures on the JS stack: deeper than this could overflow it. */
const MAX_DEFINE_DEPTH = 64;

/**
 * Checks caller-supplied limits: each must be a non-negative number (`Infinity` switches a limit off
 * deliberately); NaN, strings, negative numbers and unknown names are rejected with the field named,
 * because a silently ignored limit is a limit switched off.
 */
export function checkLimits(limits: unknown, label: string): Partial<RenderLimits> | undefined {
  if (limits === undefined) return undefined;
  if (limits === null || typeof limits !== 'object' || Array.isArray(limits)) {
    throw new InvalidInputError(`${label} must be an object of numbers`);
  }
  for (const [name, value] of Object.entries(limits)) {
    if (!Object.hasOwn(DEFAULT_LIMITS, name)) {
      throw new InvalidInputError(`${label}.${name} is not a limit (known: ${Object.keys(DEFAULT_LIMITS).join(', ')})`);
    }
    if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
      throw new InvalidInputError(`${label}.${name} must be a non-negative number (or Infinity), not ${describe(value)}`);
    }
    if (name === 'maxDefineDepth' && (!Number.isInteger(value) || value > MAX_DEFINE_DEPTH)) {
      throw new InvalidInputError(`${label}.maxDefineDepth must be an integer from 0 to ${MAX_DEFINE_DEPTH}, not ${describe(value)}`);
    }
  }
  return limits as Partial<RenderLimits>;
}

function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return String(v);
  return v === null ? 'null' : typeof v;
}
