/**
 * IAM wildcard matching, as policies match `Resource` ARNs and `Action` names: `*` stands for any run of
 * characters (across `/` and `:` too), `?` for exactly one, everything else for itself; the whole text
 * must match. ARNs compare case-sensitively, action names case-insensitively (pipeline.md §4.4, INF M).
 *
 * The classic greedy algorithm with one backtrack point: on a mismatch after a `*`, the star takes one
 * more character. That is O(pattern × text) in the worst case, never exponential, and every step is
 * charged to the request's meter, so a policy of huge hostile patterns ends in a typed budget error.
 */
import type { Meter } from '../../java/meter.js';

/** Whether the IAM wildcard `pattern` matches all of `text`; work is charged to `meter`. */
export function globMatches(pattern: string, text: string, meter: Meter, ignoreCase = false): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const t = ignoreCase ? text.toLowerCase() : text;
  meter.chars(p.length + t.length);
  if (!p.includes('*') && !p.includes('?')) return p === t;
  let pi = 0;
  let ti = 0;
  let star = -1;
  let starText = 0;
  let steps = 0;
  while (ti < t.length) {
    // Charging in batches keeps the loop cheap; the total is still exact to within one batch.
    if (++steps === 64) {
      meter.charge(steps);
      steps = 0;
    }
    const c = p.charCodeAt(pi);
    if (pi < p.length && (c === 0x3f /* ? */ || c === t.charCodeAt(ti))) {
      pi++;
      ti++;
    } else if (pi < p.length && c === 0x2a /* * */) {
      star = pi++;
      starText = ti;
    } else if (star >= 0) {
      pi = star + 1;
      ti = ++starText;
    } else {
      meter.charge(steps);
      return false;
    }
  }
  meter.charge(steps);
  while (pi < p.length && p.charCodeAt(pi) === 0x2a) pi++;
  return pi === p.length;
}
