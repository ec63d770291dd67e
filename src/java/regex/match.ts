/**
 * The backtracking machine: runs a {@link Program} over an input with an explicit stack, charging the
 * render's {@link Meter} one unit per instruction dispatched or backtrack taken (and a sixteenth per
 * character scanned by the native-speed loops), so a runaway pattern ends in `BudgetExceeded('work')`
 * instead of running unbounded, and no input length can overflow the JS stack. The stack's growth is
 * charged as memory.
 *
 * The stack holds three kinds of entries: choice points (where to resume), undo records (a capture or
 * loop register's previous value), and markers that delimit an atomic group or a look-around. Undo
 * records survive a cut (`(?>…)`, a successful look-ahead) so that backtracking past the group still
 * restores the registers it changed; that is what makes captures and loop counts exact without copying.
 */
import type { Meter } from '../meter.js';
import { CHARS_PER_UNIT } from '../meter.js';
import { AssertKind, INFINITE } from './parse.js';
import { Op, type Program } from './compile.js';
import { asciiLower as asciiLowerOf, simpleUpper as upperOf, unicodeFold as unicodeFoldOf } from './classes.js';


// Opcodes and assertion kinds as module constants: transpilers that do not inline const enums across
// files would otherwise turn every dispatch into a property lookup.
const O_CHAR = Op.CHAR;
const O_CHARI = Op.CHARI;
const O_CHARU = Op.CHARU;
const O_SET = Op.SET;
const O_STAR = Op.STAR;
const O_SPLIT = Op.SPLIT;
const O_JMP = Op.JMP;
const O_SAVE = Op.SAVE;
const O_ASSERT = Op.ASSERT;
const O_BACKREF = Op.BACKREF;
const O_ENTER = Op.ENTER;
const O_GREEDY = Op.GREEDY;
const O_LAZY = Op.LAZY;
const O_ITER = Op.ITER;
const O_TAIL = Op.TAIL;
const O_ATOM_START = Op.ATOM_START;
const O_ATOM_END = Op.ATOM_END;
const O_LOOK_START = Op.LOOK_START;
const O_LOOK_END = Op.LOOK_END;
const O_BEHIND_START = Op.BEHIND_START;
const O_BEHIND_END = Op.BEHIND_END;
const O_MATCH = Op.MATCH;
const A_Begin = AssertKind.Begin;
const A_End = AssertKind.End;
const A_LastMatch = AssertKind.LastMatch;
const A_Dollar = AssertKind.Dollar;
const A_DollarM = AssertKind.DollarM;
const A_UnixDollar = AssertKind.UnixDollar;
const A_UnixDollarM = AssertKind.UnixDollarM;
const A_CaretM = AssertKind.CaretM;
const A_UnixCaretM = AssertKind.UnixCaretM;
const A_Bound = AssertKind.Bound;
const A_NotBound = AssertKind.NotBound;
const A_UBound = AssertKind.UBound;
const A_UNotBound = AssertKind.UNotBound;

const K_CHOICE = 0;
const K_UNDO = 1;
const K_BACKOFF = 2; // greedy single-char loop: may give back characters down to a floor
const K_EXTEND = 3; // lazy single-char loop: may take one more character
const K_MARK = 4; // atomic group / look-around boundary
const K_BEHIND = 5; // look-behind: the next (earlier) start to try

const M_ATOMIC = 0;
const M_LOOK = 1;
const M_NEG = 2;

/** Units charged to the meter at once; the machine counts locally in between. */
const CHUNK = 4096;
const INITIAL_STACK = 3 * 128;

function isLineTerminator(c: number): boolean {
  return c === 10 || c === 13 || c === 0x85 || (c | 1) === 0x2029;
}

/** One search session over one input (a `Matcher`): owns the stack and the registers. */
export class Machine {
  /** Capture slots (start, end per group) and loop registers; -1 when unset. */
  // Plain arrays of small integers: allocating typed arrays costs more than a short match.
  readonly slots: number[];
  private readonly stack: number[] = [];
  /** Stack length already charged as memory. */
  private charged = INITIAL_STACK;
  private readonly marks: number[];
  private readonly len: number;
  private steps = 0;
  private scanned = 0;

  constructor(
    private readonly prog: Program,
    private readonly input: string,
    private readonly meter: Meter,
  ) {
    this.slots = new Array<number>(prog.slotCount).fill(-1);
    this.marks = new Array<number>(prog.markCount).fill(0);
    this.len = input.length;
  }

  /** Charges what was counted locally; call when done with the machine. */
  settle(): void {
    const units = this.steps + this.scanned / CHARS_PER_UNIT;
    this.steps = 0;
    this.scanned = 0;
    if (units > 0) this.meter.charge(units);
  }

  private tick(n: number): void {
    this.steps += n;
    if (this.steps >= CHUNK) {
      const units = this.steps;
      this.steps = 0;
      this.meter.charge(units);
    }
  }

  private scan(n: number): void {
    this.scanned += n;
    if (this.scanned >= CHUNK * CHARS_PER_UNIT) {
      const chars = this.scanned;
      this.scanned = 0;
      this.meter.chars(chars);
    }
  }

  /**
   * `Matcher.search(from)`: the first match starting at or after `from`; `lastEnd` is where `\G` matches.
   * On success the capture slots hold the match.
   */
  search(from: number, lastEnd: number): boolean {
    const prog = this.prog;
    const input = this.input;
    const len = this.len;
    if (prog.anchoredAtStart) return from === 0 && this.run(0, false, lastEnd);
    const first = prog.first;
    for (let s = from; s <= len; ) {
      if (first !== null) {
        const begin = s;
        while (s < len) {
          let c = input.charCodeAt(s);
          if (c < 128) {
            if (first.ascii[c] === 1) break;
          } else {
            if ((c & 0xfc00) === 0xd800 && s + 1 < len) {
              const d = input.charCodeAt(s + 1);
              if ((d & 0xfc00) === 0xdc00) c = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
            }
            if (first.pred(c)) break;
            if (c > 0xffff && prog.hasSupplementary) s++;
          }
          s++;
        }
        this.scan(s - begin);
        if (s >= len) return false;
      }
      if (this.run(s, false, lastEnd)) return true;
      if (s === len) break;
      // Java's StartS never starts between the halves of a pair when the pattern has supplementary parts.
      if (prog.hasSupplementary && (input.charCodeAt(s) & 0xfc00) === 0xd800 && s + 1 < len && (input.charCodeAt(s + 1) & 0xfc00) === 0xdc00) s += 2;
      else s++;
    }
    return false;
  }

  /** `Matcher.matches()`: the whole input. */
  matchWhole(): boolean {
    return this.run(0, true, 0);
  }

  private push(kind: number, a: number, b: number, c: number, sp: number): number {
    const stack = this.stack;
    if (sp + 3 > this.charged) {
      // Charged as a doubling buffer would be, 4 bytes per slot (V8 keeps small integers unboxed).
      this.meter.alloc(this.charged * 2 * 4);
      this.charged *= 2;
    }
    stack[sp] = (a << 3) | kind;
    stack[sp + 1] = b;
    stack[sp + 2] = c;
    return sp + 3;
  }

  /** Runs the program from `start`; on failure every register is back to its initial value. */
  private run(start: number, whole: boolean, lastEnd: number): boolean {
    const prog = this.prog;
    const code = prog.code;
    const sets = prog.sets;
    const input = this.input;
    const len = this.len;
    const slots = this.slots;
    const marks = this.marks;
    let sp = 0;
    let pc = 0;
    let pos = start;
    let steps = 0;
    slots[0] = start;

    for (;;) {
      // --- forward execution; `break` means the current thread failed ---
      exec: for (;;) {
        if (++steps >= CHUNK) {
          this.tick(steps);
          steps = 0;
        }
        switch (code[pc]) {
          case O_CHAR: {
            const cp = code[pc + 1]!;
            if (cp <= 0xffff) {
              if (pos >= len || input.charCodeAt(pos) !== cp) break exec;
              pos++;
            } else {
              if (pos + 1 >= len || input.codePointAt(pos) !== cp) break exec;
              pos += 2;
            }
            pc += 2;
            continue;
          }
          case O_CHARI: {
            if (pos >= len) break exec;
            const c = input.charCodeAt(pos);
            if (c !== code[pc + 1] && c !== code[pc + 2]) break exec;
            pos++;
            pc += 3;
            continue;
          }
          case O_CHARU: {
            if (pos >= len) break exec;
            const c = input.codePointAt(pos)!;
            const fold = code[pc + 1]!;
            if (c !== fold && unicodeFoldOf(c) !== fold) break exec;
            pos += c > 0xffff ? 2 : 1;
            pc += 2;
            continue;
          }
          case O_SET: {
            if (pos >= len) break exec;
            let c = input.charCodeAt(pos);
            let w = 1;
            if ((c & 0xfc00) === 0xd800 && pos + 1 < len) {
              const d = input.charCodeAt(pos + 1);
              if ((d & 0xfc00) === 0xdc00) {
                c = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
                w = 2;
              }
            }
            const set = sets[code[pc + 1]!]!;
            if (c < 128 ? set.ascii[c] !== 1 : !set.pred(c)) break exec;
            pos += w;
            pc += 2;
            continue;
          }
          case O_STAR: {
            const set = sets[code[pc + 1]!]!;
            const min = code[pc + 2]!;
            const max = code[pc + 3]!;
            const mode = code[pc + 4]!;
            const limit = mode === 1 ? min : max;
            let n = 0;
            let p = pos;
            let floor = pos;
            while (n < limit && p < len) {
              let c = input.charCodeAt(p);
              let w = 1;
              if ((c & 0xfc00) === 0xd800 && p + 1 < len) {
                const d = input.charCodeAt(p + 1);
                if ((d & 0xfc00) === 0xdc00) {
                  c = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
                  w = 2;
                }
              }
              if (c < 128 ? set.ascii[c] !== 1 : !set.pred(c)) break;
              p += w;
              n++;
              if (n === min) floor = p;
            }
            this.scan(p - pos);
            if (n < min) break exec;
            if (mode === 0) {
              if (n > min) sp = this.push(K_BACKOFF, pc + 5, p, floor, sp);
            } else if (mode === 1) {
              if (n < max) sp = this.push(K_EXTEND, pc, p, n, sp);
            }
            pos = p;
            pc += 5;
            continue;
          }
          case O_SPLIT:
            sp = this.push(K_CHOICE, code[pc + 2]!, pos, 0, sp);
            pc = code[pc + 1]!;
            continue;
          case O_JMP:
            pc = code[pc + 1]!;
            continue;
          case O_SAVE: {
            const slot = code[pc + 1]!;
            const old = slots[slot]!;
            if (old !== pos) {
              sp = this.push(K_UNDO, slot, old, 0, sp);
              slots[slot] = pos;
            }
            pc += 2;
            continue;
          }
          case O_ASSERT:
            if (!this.assert(code[pc + 1]!, pos, lastEnd)) break exec;
            pc += 2;
            continue;
          case O_BACKREF: {
            const g = code[pc + 1]!;
            if (g > prog.groupCount) break exec;
            const s = slots[2 * g]!;
            const e = slots[2 * g + 1]!;
            if (s < 0 || e < 0) break exec;
            const n = e - s;
            if (pos + n > len) break exec;
            this.scan(n);
            const mode = code[pc + 2]!;
            let ok = true;
            if (mode === 0) {
              for (let k = 0; k < n; k++) {
                if (input.charCodeAt(s + k) !== input.charCodeAt(pos + k)) {
                  ok = false;
                  break;
                }
              }
            } else if (mode === 1) {
              for (let k = 0; k < n; k++) {
                const a = input.charCodeAt(s + k);
                const b = input.charCodeAt(pos + k);
                if (a !== b && asciiLowerOf(a) !== asciiLowerOf(b)) {
                  ok = false;
                  break;
                }
              }
            } else {
              for (let k = 0; k < n; k++) {
                const a = input.charCodeAt(s + k);
                const b = input.charCodeAt(pos + k);
                if (a !== b && upperOf(a) !== upperOf(b) && unicodeFoldOf(a) !== unicodeFoldOf(b)) {
                  ok = false;
                  break;
                }
              }
            }
            if (!ok) break exec;
            pos += n;
            pc += 3;
            continue;
          }
          case O_ENTER: {
            const slot = prog.captureSlots + 2 * code[pc + 1]!;
            if (slots[slot] !== 0) {
              sp = this.push(K_UNDO, slot, slots[slot]!, 0, sp);
              slots[slot] = 0;
            }
            pc += 2;
            continue;
          }
          case O_GREEDY:
          case O_LAZY: {
            const count = slots[prog.captureSlots + 2 * code[pc + 1]!]!;
            const min = code[pc + 2]!;
            const max = code[pc + 3]!;
            if (count < min) {
              pc += 5;
            } else if (count < max) {
              if (code[pc] === O_GREEDY) {
                sp = this.push(K_CHOICE, code[pc + 4]!, pos, 0, sp);
                pc += 5;
              } else {
                sp = this.push(K_CHOICE, pc + 5, pos, 0, sp);
                pc = code[pc + 4]!;
              }
            } else {
              pc = code[pc + 4]!;
            }
            continue;
          }
          case O_ITER: {
            const slot = prog.captureSlots + 2 * code[pc + 1]! + 1;
            const old = slots[slot]!;
            if (old !== pos) {
              sp = this.push(K_UNDO, slot, old, 0, sp);
              slots[slot] = pos;
            }
            pc += 2;
            continue;
          }
          case O_TAIL: {
            const base = prog.captureSlots + 2 * code[pc + 1]!;
            if (pos === slots[base + 1]) {
              // Java's Loop: an iteration that matched nothing ends the loop, whatever the count.
              pc = code[pc + 3]!;
              continue;
            }
            const decision = code[pc + 2]!;
            const count = slots[base]!;
            const min = code[decision + 2]!;
            const max = code[decision + 3]!;
            // Past the minimum of an unbounded loop all counts behave alike: saturate, so no undo record.
            const next = max === INFINITE && count >= min ? count : count + 1;
            if (next !== count) {
              sp = this.push(K_UNDO, base, count, 0, sp);
              slots[base] = next;
            }
            pc = decision;
            continue;
          }
          case O_ATOM_START:
            marks[code[pc + 1]!] = sp;
            sp = this.push(K_MARK, 0, pos, M_ATOMIC, sp);
            pc += 2;
            continue;
          case O_LOOK_START:
            marks[code[pc + 1]!] = sp;
            sp = this.push(K_MARK, code[pc + 3]!, pos, code[pc + 2] ? M_NEG : M_LOOK, sp);
            pc += 4;
            continue;
          case O_BEHIND_START: {
            const m = code[pc + 1]!;
            const lo = code[pc + 3]!;
            const hi = code[pc + 4]!;
            marks[m] = sp;
            sp = this.push(K_MARK, code[pc + 5]!, pos, code[pc + 2] ? M_NEG : M_LOOK, sp);
            // Java's int arithmetic (Behind.match), wrapped bounds included.
            const nearest = (pos - lo) | 0;
            const farthest = Math.max((pos - hi) | 0, 0);
            if (nearest < farthest) break exec;
            if (nearest - 1 >= farthest) sp = this.push(K_BEHIND, pc + 6, nearest - 1, farthest, sp);
            pos = nearest;
            pc += 6;
            continue;
          }
          case O_BEHIND_END:
          case O_ATOM_END:
          case O_LOOK_END: {
            const op = code[pc]!;
            const h = marks[code[pc + 1]!]!;
            if (op === O_BEHIND_END && pos !== this.stack[h + 1]) break exec;
            if (op !== O_ATOM_END && code[pc + 2]) {
              // A negative look-around whose body matched: undo its effects, then fail.
              const stack = this.stack;
              for (let q = sp - 3; q > h; q -= 3) {
                if ((stack[q]! & 7) === K_UNDO) slots[stack[q]! >>> 3] = stack[q + 1]!;
              }
              steps += (sp - h) / 3;
              sp = h;
              break exec;
            }
            if (op !== O_ATOM_END) pos = this.stack[h + 1]!;
            sp = this.cut(h, sp);
            pc += op === O_ATOM_END ? 2 : 3;
            continue;
          }
          case O_MATCH:
            if (whole && pos !== len) break exec;
            slots[1] = pos;
            this.tick(steps);
            return true;
          default:
            throw new Error(`regex: bad opcode ${code[pc]}`);
        }
      }

      // --- backtrack ---
      const stack = this.stack;
      for (;;) {
        if (sp === 0) {
          this.tick(steps);
          return false;
        }
        ++steps;
        sp -= 3;
        const head = stack[sp]!;
        const kind = head & 7;
        const a = head >>> 3;
        const b = stack[sp + 1]!;
        const c = stack[sp + 2]!;
        if (kind === K_UNDO) {
          slots[a] = b;
          continue;
        }
        if (kind === K_CHOICE) {
          pc = a;
          pos = b;
          break;
        }
        if (kind === K_BACKOFF) {
          let p = b - 1;
          if (p - 1 >= c && (input.charCodeAt(p) & 0xfc00) === 0xdc00 && (input.charCodeAt(p - 1) & 0xfc00) === 0xd800) p--;
          if (p > c) sp = this.push(K_BACKOFF, a, p, c, sp);
          pc = a;
          pos = p;
          break;
        }
        if (kind === K_EXTEND) {
          if (b >= len) continue;
          let ch = input.charCodeAt(b);
          let w = 1;
          if ((ch & 0xfc00) === 0xd800 && b + 1 < len) {
            const d = input.charCodeAt(b + 1);
            if ((d & 0xfc00) === 0xdc00) {
              ch = (ch - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
              w = 2;
            }
          }
          const set = sets[code[a + 1]!]!;
          if (ch < 128 ? set.ascii[ch] !== 1 : !set.pred(ch)) continue;
          const max = code[a + 3]!;
          if (c + 1 < max) sp = this.push(K_EXTEND, a, b + w, c + 1, sp);
          pc = a + 5;
          pos = b + w;
          break;
        }
        if (kind === K_MARK) {
          if (c === M_NEG) {
            pc = a;
            pos = b;
            break;
          }
          continue;
        }
        // K_BEHIND
        if (b - 1 >= c) sp = this.push(K_BEHIND, a, b - 1, c, sp);
        pc = a;
        pos = b;
        break;
      }
    }
  }

  /** Drops the choice points and the marker at `h` and above, keeping undo records. */
  private cut(h: number, sp: number): number {
    const stack = this.stack;
    let w = h;
    for (let r = h + 3; r < sp; r += 3) {
      if ((stack[r]! & 7) === K_UNDO) {
        stack[w] = stack[r]!;
        stack[w + 1] = stack[r + 1]!;
        stack[w + 2] = stack[r + 2]!;
        w += 3;
      }
    }
    this.tick((sp - h) / 3);
    return w;
  }

  /** Clears captures and registers after a successful match, before the next search. */
  reset(): void {
    this.slots.fill(-1);
  }

  private isWordForBound(cp: number, unicode: boolean): boolean {
    const prog = this.prog;
    if (unicode) return prog.isUnicodeWord(cp);
    return cp === 95 || (cp < 128 ? (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122) : prog.isLetterOrDigit(cp));
  }

  /** JDK 17 `hasBaseCharacter`: a run of non-spacing marks attached to a letter or digit. */
  private hasBaseCharacter(i: number): boolean {
    const input = this.input;
    const prog = this.prog;
    for (let x = i; x >= 0; x--) {
      this.scan(1);
      const ch = input.codePointAt(x)!;
      if (ch < 128 ? (ch >= 48 && ch <= 57) || (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) : prog.isLetterOrDigit(ch)) return true;
      if (ch >= 0x300 && prog.isNonSpacingMark(ch)) continue;
      return false;
    }
    return false;
  }

  private bound(pos: number, unicode: boolean): boolean {
    const input = this.input;
    const prog = this.prog;
    let left = false;
    if (pos > 0) {
      let ch = input.charCodeAt(pos - 1);
      if ((ch & 0xfc00) === 0xdc00 && pos > 1 && (input.charCodeAt(pos - 2) & 0xfc00) === 0xd800) ch = input.codePointAt(pos - 2)!;
      left = this.isWordForBound(ch, unicode) || (ch >= 0x300 && prog.isNonSpacingMark(ch) && this.hasBaseCharacter(pos - 1));
    }
    let right = false;
    if (pos < this.len) {
      const ch = input.codePointAt(pos)!;
      right = this.isWordForBound(ch, unicode) || (ch >= 0x300 && prog.isNonSpacingMark(ch) && this.hasBaseCharacter(pos));
    }
    return left !== right;
  }

  private assert(kind: number, pos: number, lastEnd: number): boolean {
    const input = this.input;
    const len = this.len;
    switch (kind) {
      case A_Begin:
        return pos === 0;
      case A_End:
        return pos === len;
      case A_LastMatch:
        return pos === lastEnd;
      case A_Dollar: {
        if (pos < len - 2) return false;
        if (pos === len - 2 && !(input.charCodeAt(pos) === 13 && input.charCodeAt(pos + 1) === 10)) return false;
        if (pos < len) {
          const ch = input.charCodeAt(pos);
          if (ch === 10) return !(pos > 0 && input.charCodeAt(pos - 1) === 13);
          return isLineTerminator(ch);
        }
        return true;
      }
      case A_DollarM: {
        if (pos < len) {
          const ch = input.charCodeAt(pos);
          if (ch === 10) return !(pos > 0 && input.charCodeAt(pos - 1) === 13);
          return isLineTerminator(ch);
        }
        return true;
      }
      case A_UnixDollar:
        return pos === len || (pos === len - 1 && input.charCodeAt(pos) === 10);
      case A_UnixDollarM:
        return pos === len || input.charCodeAt(pos) === 10;
      case A_CaretM: {
        // Java: never at the very end, even after a line terminator; \r\n is one terminator.
        if (pos === len) return false;
        if (pos > 0) {
          const ch = input.charCodeAt(pos - 1);
          if (!isLineTerminator(ch)) return false;
          if (ch === 13 && input.charCodeAt(pos) === 10) return false;
        }
        return true;
      }
      case A_UnixCaretM:
        if (pos === len) return false;
        return pos === 0 || input.charCodeAt(pos - 1) === 10;
      case A_Bound:
        return this.bound(pos, false);
      case A_NotBound:
        return !this.bound(pos, false);
      case A_UBound:
        return this.bound(pos, true);
      case A_UNotBound:
        return !this.bound(pos, true);
    }
    return false;
  }
}

