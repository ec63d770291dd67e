/** Literal text replacement, shared by `String.replace` and the literal fast path of `replaceAll`. */
import type { Meter } from './meter.js';

/**
 * `String.replace(CharSequence, CharSequence)` — and `replaceAll` of a literal pattern with a replacement
 * free of `$` and `\\` — literal, every occurrence. The result's length is counted
 * before it is built. An empty target matches before every character and at the end
 * (`"".replace("", "a")` is `"a"`); `$` in the replacement is literal.
 */
export function replaceText(s: string, target: string, replacement: string, meter: Meter): string {
  let occurrences = 0;
  if (target === '') occurrences = s.length + 1;
  else for (let i = s.indexOf(target); i >= 0; i = s.indexOf(target, i + target.length)) occurrences++;
  meter.chars(s.length);
  // Each occurrence is a step of its own: a body of a million matches costs a million, whatever their size.
  meter.charge(occurrences);
  meter.admit(s.length + occurrences * (replacement.length - target.length));
  if (occurrences === 0) return s;
  if (target === '') return s.replaceAll(target, () => replacement);
  // The engine's replaceAll reads `$` in a replacement as a pattern; without one it is literal and
  // fastest. split/join is literal always and builds the result without a callback per match.
  if (replacement.indexOf('$') < 0) return s.replaceAll(target, replacement);
  return s.split(target).join(replacement);
}

