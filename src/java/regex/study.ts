/**
 * The length bounds `Pattern` computes for a look-behind body (`TreeInfo` in JDK 17), including its
 * quirks, because they decide both whether the pattern compiles and where the look-behind looks:
 * a greedy `*`/`+` on one character adds Integer.MAX_VALUE to the maximum without an overflow check (two of
 * them wrap to a negative bound, and the look-behind then never matches), other counted repetitions make
 * the bound invalid on overflow, and a non-deterministic quantified group or a back-reference has no
 * obvious maximum at all (a PatternSyntaxException).
 */
import type { Node } from './parse.js';
import { INFINITE } from './parse.js';

export interface Bounds {
  min: number;
  /** A Java int: may have wrapped. */
  max: number;
  valid: boolean;
  deterministic: boolean;
}

const MAX = 0x7fffffff;

/** `acc`: the maximum accumulated before `n` (Curly checks its sum with it for overflow). */
export function study(n: Node, acc = 0): Bounds {
  switch (n.t) {
    case 'empty':
    case 'assert':
    case 'look':
      return { min: 0, max: 0, valid: true, deterministic: true };
    case 'char':
    case 'set':
      return { min: 1, max: 1, valid: true, deterministic: true };
    case 'backref':
      return { min: 0, max: 0, valid: false, deterministic: true };
    case 'group':
    case 'noncap':
    case 'atomic':
      return study(n.body, acc);
    case 'seq': {
      const out: Bounds = { min: 0, max: 0, valid: true, deterministic: true };
      for (const item of n.items) {
        const b = study(item, (acc + out.max) | 0);
        out.min = Math.min(out.min + b.min, MAX);
        out.max = (out.max + b.max) | 0;
        out.valid &&= b.valid;
        out.deterministic &&= b.deterministic;
      }
      return out;
    }
    case 'alt': {
      let min = MAX;
      let max = -1;
      let valid = true;
      for (const alt of n.alts) {
        const b = study(alt);
        min = Math.min(min, b.min);
        max = Math.max(max, b.max);
        valid &&= b.valid;
      }
      return { min, max, valid, deterministic: false };
    }
    case 'repeat': {
      const b = study(n.body);
      const single = n.body.t === 'char' || n.body.t === 'set';
      const min = Math.min(b.min * n.min, MAX);
      if (single && n.star && n.mode === 'greedy') {
        // CharPropertyGreedy.study: maxLength += MAX_REPS, unchecked.
        return { min, max: MAX, valid: b.valid, deterministic: false };
      }
      if (n.max === 1 && n.min === 0 && n.mode !== 'possessive') {
        // Ques / Branch: the maximum of the body, never deterministic.
        return { min: 0, max: b.max, valid: b.valid, deterministic: false };
      }
      const isGroup = n.body.t === 'group' || n.body.t === 'noncap';
      if (isGroup && !b.deterministic && n.mode !== 'possessive') {
        return { min, max: 0, valid: false, deterministic: false }; // Loop
      }
      const cmax = n.max === INFINITE ? MAX : n.max;
      // Curly.study multiplies in int arithmetic and gives up only when the result turns negative.
      const product = Math.imul(b.max, cmax);
      const valid = b.valid && product >= 0 && ((acc + product) | 0) >= 0;
      return { min, max: valid ? product : 0, valid, deterministic: b.deterministic && n.min === n.max };
    }
  }
}
