/**
 * What a method call may use from the render it runs in: the meter its work and allocations are charged
 * to, and the compiled template's pattern cache (regexes in `matches`, `replaceAll`, `split`).
 */
import type { Meter } from '../meter.js';
import type { PatternCache } from '../regex/index.js';

export interface MethodContext {
  readonly meter: Meter;
  readonly patterns: PatternCache;
}
