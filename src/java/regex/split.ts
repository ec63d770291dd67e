/**
 * `String.split(regex, limit)` (JDK 17): Java's `Pattern.split` loop, including that a zero-width match at
 * the very start yields no leading empty string and that limit 0 drops trailing empty strings. The
 * matches come from a callback so the literal fast path (Java's own single-character fast path, here
 * any literal) and the machine share these rules.
 */
import type { Meter } from '../meter.js';
import { BYTES_PER_SLOT } from '../meter.js';

/**
 * Where `Matcher.find()` searches next: after the previous match, one character later when that match
 * was empty (so an empty match is not found again in the same place).
 */
export function findFrom(prevStart: number, prevEnd: number): number {
  return prevEnd === prevStart ? prevEnd + 1 : prevEnd;
}

/** Finds the next match at or after `from`; returns [start, end] or null. */
export type NextMatch = (from: number) => readonly [number, number] | null;

export function splitWith(input: string, limit: number, next: NextMatch, meter: Meter): string[] {
  const limited = limit > 0;
  const out: string[] = [];
  let index = 0;
  let prevStart = -1;
  let prevEnd = 0;
  for (;;) {
    const from = findFrom(prevStart, prevEnd);
    if (from > input.length) break;
    const m = next(from);
    if (m === null) break;
    const [start, end] = m;
    prevStart = start;
    prevEnd = end;
    if (!limited || out.length < limit - 1) {
      if (index === 0 && start === 0 && start === end) continue;
      out.push(piece(input, index, start, meter));
      index = end;
    } else {
      // The last piece takes the rest; later matches change nothing.
      out.push(piece(input, index, input.length, meter));
      index = end;
      break;
    }
  }
  if (index === 0) return [input];
  if (!limited || out.length < limit) out.push(piece(input, index, input.length, meter));
  if (limit === 0) {
    let n = out.length;
    while (n > 0 && out[n - 1] === '') n--;
    out.length = n;
  }
  return out;
}

function piece(input: string, from: number, to: number, meter: Meter): string {
  meter.admit(to - from);
  meter.alloc(BYTES_PER_SLOT);
  return input.slice(from, to);
}
