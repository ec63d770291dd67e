/**
 * What bounds the parser's work on an untrusted template, and the counters that prove it.
 *
 * Nesting: the parser, the compiler and the renderer all recurse once per level of the template tree,
 * so a 4 KB template of `#if(true)` × 1000 or `[[[[…]]]]` used to overflow the JavaScript stack. Every
 * level is counted and the template rejected (a {@link VtlLimitError} of kind `nesting`, at the construct
 * that went too deep) beyond {@link MAX_NESTING}. A level is:
 *
 * - an enclosing `#if`, `#foreach`, `#define` or `#macro` block;
 * - an enclosing bracket: `(…)` (a method call's too), `[…]` (lists, ranges, indexes), `{…}` (maps);
 * - an operator (`+`, `&&`, `!`, `==`, …) of an enclosing expression: every operator can add a level to
 *   the expression's tree, so all operators at one bracket level count for everything inside it;
 * - an enclosing string literal that interpolates (`"…$x…"`, a template of its own).
 *
 * Work: velocityjs's generated parser concatenates arrays once per element of a list, argument list or
 * reference chain, which is quadratic in their length. Those are cut into chunks of
 * {@link DEFAULT_CHUNK_SIZE} elements that velocityjs parses separately, so each call's work is bounded
 * and the total is linear in the template's size.
 */
import type { Position } from '../ast.js';
import { VtlError, VtlLimitError, VtlSyntaxError } from '../errors.js';

/**
 * 256 levels: far beyond hand-written templates (which rarely nest ten deep), and far below what the
 * JavaScript stack holds. Measured on Node 20's default stack (~984 KB): the compiler and renderer
 * overflowed only past ~630 levels of the costliest kind (string interpolation through method calls)
 * and ~1000 of nested `#if`s; at 256 levels of any mix they use under half the stack, which leaves room
 * for a deep caller such as a test runner.
 */
export const MAX_NESTING = 256;

/** Elements (list items, method arguments, reference steps) handed to velocityjs in one parse. */
export const DEFAULT_CHUNK_SIZE = 32;

/** Counts of the work handed to velocityjs (for tests that prove compile time linear). */
export interface ParseStats {
  /** How many times velocityjs parsed a fragment. */
  velocityCalls: number;
  /** Characters of all fragments velocityjs parsed. */
  velocityChars: number;
  /** The longest fragment, in characters. */
  velocityMaxChars: number;
}

export interface ParseOptions {
  /** Filled in with the work done, when given. */
  stats?: ParseStats;
  /** Elements per velocityjs parse (tests lower it to compare chunked and whole parses). */
  chunkSize?: number;
}

export function newParseStats(): ParseStats {
  return { velocityCalls: 0, velocityChars: 0, velocityMaxChars: 0 };
}

/** The settings a template and the string literals inside it share. */
export interface ParseEnv {
  stats: ParseStats | undefined;
  chunkSize: number;
}

export function parseEnv(options: ParseOptions = {}): ParseEnv {
  return { stats: options.stats, chunkSize: Math.max(2, Math.floor(options.chunkSize ?? DEFAULT_CHUNK_SIZE)) };
}

export function nestingError(what: string, position: Position): VtlLimitError {
  return new VtlLimitError(`${what} is nested more than ${MAX_NESTING} levels deep`, position, 'nesting');
}

function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

/**
 * Compiling never throws anything but a {@link VtlError}: anything else that escapes (a stack overflow
 * the nesting limit did not foresee, a bug) is reported at `position`, the best place known.
 */
export function typedError(e: unknown, position: Position): VtlError {
  if (e instanceof VtlError) return e;
  if (isStackOverflow(e)) return new VtlLimitError('the template nests too deeply to compile', position, 'nesting');
  const message = e instanceof Error ? e.message : String(e);
  return new VtlSyntaxError(`the template could not be compiled: ${message}`, position, { cause: e });
}

/** Runs a compile step, turning anything but a {@link VtlError} into one (see {@link typedError}). */
export function compileGuarded<T>(compile: () => T, position: Position = { line: 1, column: 1 }): T {
  try {
    return compile();
  } catch (e) {
    throw typedError(e, position);
  }
}
