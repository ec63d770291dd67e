/**
 * The regex of a filter's `=~ /re/` or `=~ /re/i`: Jayway compiles it with `java.util.regex.Pattern`
 * (flag `i` is CASE_INSENSITIVE, nothing else is a flag) and tests `matcher(text).matches()`, a match of
 * the whole text. It runs on the bounded Java regex engine, so a pattern that backtracks without end
 * stops at the render's work budget.
 */
import { JavaException } from '../../java/exceptions.js';
import type { Meter } from '../../java/meter.js';
import { compileJavaPattern } from '../../java/regex/index.js';
import { CompileFailure } from './parse-path.js';

/** A compiled filter regex. */
export interface FilterPattern {
  /** `Pattern.matcher(text).matches()`, charged to the render. */
  matches(text: string, meter: Meter): boolean;
}

/**
 * Compiles the body of `/body/` (with CASE_INSENSITIVE when `caseInsensitive`).
 * @throws CompileFailure (Jayway: PatternSyntaxException, wrapped into InvalidPathException) for a bad pattern
 */
export function compileFilterPattern(body: string, caseInsensitive: boolean): FilterPattern {
  try {
    // CASE_INSENSITIVE given to Pattern.compile is the same as a leading (?i).
    return compileJavaPattern(caseInsensitive ? `(?i)${body}` : body);
  } catch (e) {
    if (e instanceof JavaException) throw new CompileFailure(e.javaClass, e.message.slice(e.javaClass.length + 2));
    throw e;
  }
}
