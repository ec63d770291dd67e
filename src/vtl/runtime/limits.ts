/**
 * Safety limits for one render. API Gateway's own limits are the template size (300 KB) and 1000
 * `#foreach` iterations per loop; the work budget and output cap are ours, so a template that would run
 * for minutes or fill memory fails fast with a VtlLimitError instead.
 */
export interface RenderLimits {
  /** `#foreach` iterations per loop before the loop silently stops (API Gateway: 1000). */
  maxLoopIterations: number;
  /** Units of work (loop iterations, method calls, range elements) per render. */
  maxWork: number;
  /** Characters of output (and of any single string the template builds). */
  maxOutputLength: number;
  /** How deep a `#define` block may render itself before the reference prints literally (Velocity 1.7: 2). */
  maxDefineDepth: number;
}

export const DEFAULT_LIMITS: Readonly<RenderLimits> = Object.freeze({
  maxLoopIterations: 1000,
  maxWork: 10_000_000,
  maxOutputLength: 10 * 1024 * 1024,
  maxDefineDepth: 2,
});

/** API Gateway rejects mapping templates over 300 KB. */
export const MAX_TEMPLATE_BYTES = 300 * 1024;
