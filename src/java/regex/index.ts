/**
 * `java.util.regex` as templates use it (`matches`, `replaceAll`, `replaceFirst`, `split`, selection
 * patterns), with every match charged to the render's {@link Meter}.
 *
 * Every pattern runs on our own backtracking machine (`parse.ts` → `compile.ts` → `match.ts`), never on
 * native RegExp. Deciding when a native RegExp is provably linear is itself a hard analysis, and even the
 * linear ones differ from Java (ASCII-only case folding, `\b`, line terminators, empty loop iterations),
 * so a hybrid would buy speed only by giving up both guarantees. The machine instead has fast paths for
 * what templates mostly write: literal patterns run on `indexOf` (as Java's `split` does for one
 * character), single-character loops scan natively, and a search skips to characters that can begin a
 * match. Measured (benchmarks/regex.ts): literal and single-class patterns over 100 KB run at or faster
 * than the RegExp translation; see the report in that file.
 */
import { TextKeyedCache } from '../../bounded-cache.js';
import type { Meter } from '../meter.js';
import { BYTES_PER_SLOT } from '../meter.js';
import { compile, type Program } from './compile.js';
import { Machine } from './match.js';
import { parse } from './parse.js';
import { parseReplacement, type ReplacementPart } from './replacement.js';
import { findFrom, splitWith } from './split.js';
import { replaceText } from '../replace-text.js';

/** Work units of setting up one match, replace or split (the machine, the finder, the result), whatever the input. */
const CALL_UNITS = 4;

/** Work units charged for compiling a pattern, per character and per character set (its ASCII table). */
const COMPILE_UNITS_PER_CHAR = 1;
const COMPILE_UNITS_PER_SET = 8;

function compileCharged(pattern: string, meter: Meter | null): Program {
  meter?.charge(pattern.length * COMPILE_UNITS_PER_CHAR);
  const program = compile(parse(pattern));
  meter?.charge(program.sets.length * COMPILE_UNITS_PER_SET);
  return program;
}

/** How many recently used patterns are found by identity before the LRU is consulted. */
const RECENT = 4;

/** Compiled patterns a template reuses; bounded by count and by total pattern length. Owned by a compiled template. */
export class PatternCache {
  private readonly cache: TextKeyedCache<Program>;
  /**
   * The last few patterns and programs. Patterns mostly come from the template's own literals, the same
   * string each time, so a loop alternating `replaceAll('"', '')` and `split(' ')` finds both here with
   * an identity comparison, without hashing the pattern or reordering the LRU.
   */
  private readonly recentPatterns: Array<string | null> = new Array<string | null>(RECENT).fill(null);
  private readonly recentPrograms: Array<Program | null> = new Array<Program | null>(RECENT).fill(null);
  private next = 0;

  constructor(maxEntries = 256, maxTotalLength = 256 * 1024) {
    this.cache = new TextKeyedCache(maxEntries, maxTotalLength);
  }

  get size(): number {
    return this.cache.size;
  }

  /** @internal The compiled pattern (compiling it, charged to `meter`, on a miss). */
  get(pattern: string, meter: Meter | null = null): Program {
    for (let i = 0; i < RECENT; i++) {
      if (this.recentPatterns[i] === pattern) return this.recentPrograms[i]!;
    }
    let compiled = this.cache.lookup(pattern);
    if (!compiled) {
      compiled = compileCharged(pattern, meter);
      this.cache.store(pattern, compiled);
    }
    this.recentPatterns[this.next] = pattern;
    this.recentPrograms[this.next] = compiled;
    this.next = (this.next + 1) % RECENT;
    return compiled;
  }
}

function matchesProgram(input: string, prog: Program, meter: Meter): boolean {
  if (prog.literal !== null) {
    meter.chars(Math.min(input.length, prog.literal.length));
    return input === prog.literal;
  }
  const m = new Machine(prog, input, meter);
  try {
    return m.matchWhole();
  } finally {
    m.settle();
  }
}

/** `input.matches(pattern)`: the whole input. */
export function javaMatches(input: string, pattern: string, meter: Meter, cache: PatternCache): boolean {
  meter.charge(CALL_UNITS);
  return matchesProgram(input, cache.get(pattern, meter), meter);
}

/** A source of successive matches with Java's `Matcher.find()` stepping (shared by replace and split). */
interface Finder {
  /** The next match at or after `from` ([start, end], captures readable through `group`), or null. */
  next(from: number, lastEnd: number): readonly [number, number] | null;
  /** Start and end of group `g` of the last match (-1 when it did not participate). */
  groupStart(g: number): number;
  groupEnd(g: number): number;
  done(): void;
}

/** Java's indexOf fast path, for any literal pattern. */
class LiteralFinder implements Finder {
  private start = -1;
  constructor(
    private readonly input: string,
    private readonly literal: string,
    private readonly meter: Meter,
  ) {}
  next(from: number): readonly [number, number] | null {
    const at = this.input.indexOf(this.literal, from);
    this.meter.chars((at < 0 ? this.input.length : at + this.literal.length) - from);
    if (at < 0) return null;
    // Each match is a step of the replace or split around it, however short the scan to it was.
    this.meter.charge(1);
    this.start = at;
    return [at, at + this.literal.length];
  }
  groupStart(): number {
    return this.start;
  }
  groupEnd(): number {
    return this.start + this.literal.length;
  }
  done(): void {}
}

class MachineFinder implements Finder {
  private readonly m: Machine;
  private found = false;
  constructor(input: string, prog: Program, meter: Meter) {
    this.m = new Machine(prog, input, meter);
  }
  next(from: number, lastEnd: number): readonly [number, number] | null {
    const m = this.m;
    if (this.found) m.reset();
    this.found = m.search(from, lastEnd);
    return this.found ? [m.slots[0]!, m.slots[1]!] : null;
  }
  groupStart(g: number): number {
    return this.m.slots[2 * g]!;
  }
  groupEnd(g: number): number {
    return this.m.slots[2 * g + 1]!;
  }
  done(): void {
    this.m.settle();
  }
}

function finder(input: string, prog: Program, meter: Meter): Finder {
  const literal = prog.literal;
  if (literal !== null && literal.length > 0) return new LiteralFinder(input, literal, meter);
  return new MachineFinder(input, prog, meter);
}

/** `input.replaceAll(pattern, replacement)` / `replaceFirst`. */
export function javaReplace(input: string, pattern: string, replacement: string, all: boolean, meter: Meter, cache: PatternCache): string {
  meter.charge(CALL_UNITS);
  const prog = cache.get(pattern, meter);
  const literal = prog.literal;
  // A literal pattern with a replacement free of `$` and `\` (which is then itself literal) is text
  // replacement: count the occurrences, admit the result's length, and let the engine build it.
  if (literal !== null && literal.length > 0 && replacement.indexOf('$') < 0 && replacement.indexOf('\\') < 0) {
    return all ? replaceText(input, literal, replacement, meter) : replaceFirstLiteral(input, literal, replacement, meter);
  }
  const f = finder(input, prog, meter);
  let parts: ReplacementPart[] | null = null;
  let perMatchSlots = 0;
  // Per match: start, end, then start/end of each group the replacement inserts, in order.
  const spans: number[] = [];
  let outLength = input.length;
  try {
    let prevStart = -1;
    let prevEnd = 0;
    for (;;) {
      const from = findFrom(prevStart, prevEnd);
      if (from > input.length) break;
      const m = f.next(from, prevEnd);
      if (m === null) break;
      const [start, end] = m;
      if (parts === null) {
        parts = parseReplacement(replacement, prog.groupCount, prog.names);
        // Per match: its span and one span per group reference, then a piece per part of the output.
        perMatchSlots = 2 + parts.length + 2 * parts.filter((p) => typeof p !== 'string').length;
      }
      // Each match costs what the replacement makes of it, even when every piece is empty (`$1` of an
      // empty group, a thousand times): work per part, memory per slot.
      meter.charge(parts.length / 4);
      meter.alloc(perMatchSlots * BYTES_PER_SLOT);
      spans.push(start, end);
      outLength -= end - start;
      for (const part of parts) {
        if (typeof part === 'string') {
          outLength += part.length;
        } else {
          const gs = part === 0 ? start : f.groupStart(part);
          const ge = part === 0 ? end : f.groupEnd(part);
          spans.push(gs, ge);
          if (gs >= 0 && ge >= 0) outLength += ge - gs;
        }
      }
      if (outLength > meter.maxStringLength) meter.admit(outLength);
      prevStart = start;
      prevEnd = end;
      if (!all) break;
    }
  } finally {
    f.done();
  }
  if (parts === null) return input;
  meter.admit(outLength);
  const out: string[] = [];
  let k = 0;
  let index = 0;
  while (k < spans.length) {
    const start = spans[k++]!;
    const end = spans[k++]!;
    out.push(input.slice(index, start));
    for (const part of parts) {
      if (typeof part === 'string') {
        out.push(part);
      } else {
        const gs = spans[k++]!;
        const ge = spans[k++]!;
        if (gs >= 0 && ge >= 0) out.push(input.slice(gs, ge));
      }
    }
    index = end;
  }
  out.push(input.slice(index));
  return out.join('');
}

/** `replaceFirst` of a literal pattern with a literal replacement. */
function replaceFirstLiteral(input: string, literal: string, replacement: string, meter: Meter): string {
  const at = input.indexOf(literal);
  meter.chars(at < 0 ? input.length : at + literal.length);
  if (at < 0) return input;
  meter.charge(1);
  meter.admit(input.length + replacement.length - literal.length);
  return input.slice(0, at) + replacement + input.slice(at + literal.length);
}

/**
 * `split` of a literal with limit 0 (what `$s.split(',')` is): the engine's own split, then Java's
 * rules — no match gives the input itself, trailing empty strings are dropped.
 */
function splitLiteral(input: string, literal: string, meter: Meter): string[] {
  meter.chars(input.length);
  if (input.length > 4096) {
    // Charge the parts' slots before the engine allocates them, so a long input of separators is refused first.
    let count = 0;
    for (let at = input.indexOf(literal); at >= 0; at = input.indexOf(literal, at + literal.length)) count++;
    meter.alloc(count * BYTES_PER_SLOT);
  }
  const parts = input.split(literal);
  if (parts.length === 1) return [input];
  meter.charge(parts.length - 1);
  let n = parts.length;
  while (n > 0 && parts[n - 1] === '') n--;
  parts.length = n;
  if (input.length <= 4096) meter.alloc(parts.length * BYTES_PER_SLOT);
  meter.admit(input.length);
  return parts;
}

/** `input.split(pattern, limit)`. */
export function javaSplit(input: string, pattern: string, limit: number, meter: Meter, cache: PatternCache): string[] {
  meter.charge(CALL_UNITS);
  const prog = cache.get(pattern, meter);
  if (limit === 0 && prog.literal !== null && prog.literal.length > 0) return splitLiteral(input, prog.literal, meter);
  const f = finder(input, prog, meter);
  let lastEnd = 0;
  try {
    return splitWith(
      input,
      limit,
      (from) => {
        const m = f.next(from, lastEnd);
        if (m) lastEnd = m[1];
        return m;
      },
      meter,
    );
  } finally {
    f.done();
  }
}

/** A compiled Java pattern for callers outside templates' String methods (e.g. a JSONPath `=~` filter). */
export interface JavaPattern {
  readonly pattern: string;
  readonly groupCount: number;
  /** `Matcher.matches()`: the whole input. */
  matches(input: string, meter: Meter): boolean;
  /** `Matcher.find()` from the start: whether any part of the input matches. */
  find(input: string, meter: Meter): boolean;
}

/** Compiles `pattern` (throws PatternSyntaxException like `Pattern.compile`); reuse the result. */
export function compileJavaPattern(pattern: string): JavaPattern {
  const prog = compileCharged(pattern, null);
  return {
    pattern,
    groupCount: prog.groupCount,
    matches: (input, meter) => matchesProgram(input, prog, meter),
    find(input, meter) {
      const f = finder(input, prog, meter);
      try {
        return f.next(0, 0) !== null;
      } finally {
        f.done();
      }
    },
  };
}
