/**
 * Syntax tree → a flat program for the backtracking machine in `match.ts`.
 *
 * A flat program with an explicit backtrack stack (rather than closures calling closures) is what keeps
 * recursion depth independent of the input: `(a|b)*` over a megabyte is a long loop, not a deep stack.
 * Single-character loops (`\s+`, `[^,]*`, `.*?`) get one instruction that scans natively and leaves one
 * stack entry to back off from, as Java's `CharPropertyGreedy` does; everything else is expressed with
 * SPLIT/JMP and counted-loop instructions that implement Java's rule for an iteration that matched
 * nothing (the loop stops there and the rest of the pattern continues, even below the minimum).
 */
import { CharSet, letterOrDigit, nonSpacingMark, unicodeWord, asciiLower, asciiUpper, unicodeFold, type Pred } from './classes.js';
import { AssertKind, Case, INFINITE, type Node, type Parsed } from './parse.js';

export const enum Op {
  CHAR, // cp
  CHARI, // lower upper
  CHARU, // fold
  SET, // set
  STAR, // set min max mode(0 greedy, 1 lazy, 2 possessive); next at pc+5
  SPLIT, // x y: continue at x, y on backtrack
  JMP, // x
  SAVE, // slot
  ASSERT, // kind
  BACKREF, // group mode
  ENTER, // r: count := 0
  GREEDY, // r min max exit; the iteration starts at pc+5
  LAZY, // r min max exit
  ITER, // r: iteration start := pos
  TAIL, // r decision exit
  ATOM_START, // m
  ATOM_END, // m
  LOOK_START, // m negate cont
  LOOK_END, // m negate
  BEHIND_START, // m negate min max cont
  BEHIND_END, // m negate
  MATCH,
}

export interface Program {
  readonly code: Int32Array;
  readonly sets: CharSet[];
  readonly groupCount: number;
  readonly names: ReadonlyMap<string, number>;
  /** Capture slots (2 per group, group 0 included); loop registers follow them. */
  readonly captureSlots: number;
  readonly slotCount: number;
  readonly markCount: number;
  readonly hasSupplementary: boolean;
  /** Only position 0 can start a match (`^`, `\A` first). */
  readonly anchoredAtStart: boolean;
  /** Every match starts with a character of this set (null: unknown, or may be empty). */
  readonly first: CharSet | null;
  /** The pattern is this literal text, exactly (no flags, groups or metacharacters). */
  readonly literal: string | null;
  /** `\b` predicates of JDK 17 (memoized per program). */
  readonly isLetterOrDigit: Pred;
  readonly isNonSpacingMark: Pred;
  readonly isUnicodeWord: Pred;
}

function charPred(cp: number, mode: Case): Pred {
  if (mode === Case.Exact) return (c) => c === cp;
  if (mode === Case.Ascii) {
    const lo = asciiLower(cp);
    const up = asciiUpper(cp);
    return (c) => c === lo || c === up;
  }
  const fold = unicodeFold(cp);
  return (c) => c === cp || unicodeFold(c) === fold;
}

/** Code units a node can consume: [min, max] (max INFINITE when unbounded). */
function lengths(n: Node): [number, number] {
  switch (n.t) {
    case 'empty':
    case 'assert':
    case 'look':
      return [0, 0];
    case 'char':
      return n.cp > 0xffff ? [2, 2] : [1, 1];
    case 'set':
      return [1, 2];
    case 'backref':
      return [0, INFINITE];
    case 'seq': {
      let lo = 0;
      let hi = 0;
      for (const item of n.items) {
        const [a, b] = lengths(item);
        lo = Math.min(lo + a, INFINITE);
        hi = Math.min(hi + b, INFINITE);
      }
      return [lo, hi];
    }
    case 'alt': {
      let lo = INFINITE;
      let hi = 0;
      for (const alt of n.alts) {
        const [a, b] = lengths(alt);
        lo = Math.min(lo, a);
        hi = Math.max(hi, b);
      }
      return [lo, hi];
    }
    case 'group':
    case 'noncap':
    case 'atomic':
      return lengths(n.body);
    case 'repeat': {
      const [a, b] = lengths(n.body);
      return [Math.min(a * n.min, INFINITE), n.max === INFINITE && b > 0 ? INFINITE : Math.min(b * n.max, INFINITE)];
    }
  }
}

function canBeEmpty(n: Node): boolean {
  return lengths(n)[0] === 0;
}

/** The characters a match of `n` can start with: a predicate, or null if unknown. */
function firstChars(n: Node): Pred[] | null {
  switch (n.t) {
    case 'char':
      return [charPred(n.cp, n.mode)];
    case 'set':
      return [n.pred];
    case 'empty':
    case 'assert':
    case 'look':
      return [];
    case 'backref':
      return null;
    case 'group':
    case 'noncap':
    case 'atomic':
      return firstChars(n.body);
    case 'repeat':
      return n.max === 0 ? [] : firstChars(n.body);
    case 'alt': {
      const out: Pred[] = [];
      for (const alt of n.alts) {
        const f = firstChars(alt);
        if (f === null) return null;
        out.push(...f);
      }
      return out;
    }
    case 'seq': {
      const out: Pred[] = [];
      for (const item of n.items) {
        const f = firstChars(item);
        if (f === null) return null;
        out.push(...f);
        if (!canBeEmpty(item)) return out;
      }
      return out;
    }
  }
}

function startsAnchored(n: Node): boolean {
  switch (n.t) {
    case 'assert':
      return n.kind === AssertKind.Begin;
    case 'seq':
      return n.items.length > 0 && startsAnchored(n.items[0]!);
    case 'group':
    case 'noncap':
    case 'atomic':
      return startsAnchored(n.body);
    case 'alt':
      return n.alts.every(startsAnchored);
    default:
      return false;
  }
}

function literalText(n: Node): string | null {
  if (n.t === 'char') return n.mode === Case.Exact ? String.fromCodePoint(n.cp) : null;
  if (n.t === 'empty') return '';
  if (n.t === 'seq') {
    let s = '';
    for (const item of n.items) {
      const t = literalText(item);
      if (t === null) return null;
      s += t;
    }
    return s;
  }
  return null;
}

export function compile(parsed: Parsed): Program {
  return new Compiler(parsed).run();
}

class Compiler {
  private readonly code: number[] = [];
  private readonly sets: CharSet[] = [];
  private loops = 0;
  private marks = 0;

  constructor(private readonly parsed: Parsed) {}

  run(): Program {
    const { root, groupCount, names, hasSupplementary } = this.parsed;
    this.emit(root);
    this.code.push(Op.MATCH);
    const captureSlots = 2 * (groupCount + 1);
    const first = firstChars(root);
    // A literal with surrogates must not be found between the halves of a pair (Java's StartS).
    const literal = groupCount === 0 && !hasSupplementary ? literalText(root) : null;
    return {
      code: Int32Array.from(this.code),
      sets: this.sets,
      groupCount,
      names,
      captureSlots,
      slotCount: captureSlots + 2 * this.loops,
      markCount: this.marks,
      hasSupplementary,
      anchoredAtStart: startsAnchored(root),
      first: first === null || canBeEmpty(root) ? null : new CharSet(first.length === 1 ? first[0]! : (cp) => first.some((f) => f(cp))),
      literal,
      isLetterOrDigit: letterOrDigit(),
      isNonSpacingMark: nonSpacingMark(),
      isUnicodeWord: unicodeWord(),
    };
  }

  private set(pred: Pred): number {
    this.sets.push(new CharSet(pred));
    return this.sets.length - 1;
  }

  private emit(n: Node): void {
    const code = this.code;
    switch (n.t) {
      case 'empty':
        return;
      case 'char':
        if (n.mode === Case.Exact) code.push(Op.CHAR, n.cp);
        else if (n.mode === Case.Ascii) code.push(Op.CHARI, asciiLower(n.cp), asciiUpper(n.cp));
        else code.push(Op.CHARU, unicodeFold(n.cp));
        return;
      case 'set':
        code.push(Op.SET, this.set(n.pred));
        return;
      case 'seq':
        for (const item of n.items) this.emit(item);
        return;
      case 'alt': {
        // SPLIT next, alt2 … each alternative jumps to the end.
        const jumps: number[] = [];
        for (let k = 0; k < n.alts.length; k++) {
          if (k < n.alts.length - 1) {
            const split = code.length;
            code.push(Op.SPLIT, split + 3, -1);
            this.emit(n.alts[k]!);
            jumps.push(code.length);
            code.push(Op.JMP, -1);
            code[split + 2] = code.length;
          } else {
            this.emit(n.alts[k]!);
          }
        }
        for (const j of jumps) code[j + 1] = code.length;
        return;
      }
      case 'group':
        code.push(Op.SAVE, 2 * n.index);
        this.emit(n.body);
        code.push(Op.SAVE, 2 * n.index + 1);
        return;
      case 'noncap':
        this.emit(n.body);
        return;
      case 'atomic': {
        const m = this.marks++;
        code.push(Op.ATOM_START, m);
        this.emit(n.body);
        code.push(Op.ATOM_END, m);
        return;
      }
      case 'look': {
        const m = this.marks++;
        const neg = n.negate ? 1 : 0;
        if (n.behind) {
          const lo = n.min ?? 0;
          const hi = n.max ?? 0;
          const at = code.length;
          code.push(Op.BEHIND_START, m, neg, lo, hi, -1);
          this.emit(n.body);
          code.push(Op.BEHIND_END, m, neg);
          code[at + 5] = code.length;
        } else {
          const at = code.length;
          code.push(Op.LOOK_START, m, neg, -1);
          this.emit(n.body);
          code.push(Op.LOOK_END, m, neg);
          code[at + 3] = code.length;
        }
        return;
      }
      case 'backref':
        code.push(Op.BACKREF, n.index, n.mode);
        return;
      case 'assert':
        code.push(Op.ASSERT, n.kind);
        return;
      case 'repeat':
        this.repeat(n);
        return;
    }
  }

  private repeat(n: Extract<Node, { t: 'repeat' }>): void {
    const code = this.code;
    const { body, min, max, mode } = n;
    if (max === 0) return;
    if (body.t === 'char' || body.t === 'set') {
      const pred = body.t === 'set' ? body.pred : charPred(body.cp, body.mode);
      code.push(Op.STAR, this.set(pred), min, max, mode === 'greedy' ? 0 : mode === 'lazy' ? 1 : 2);
      return;
    }
    if (min === 1 && max === 1) {
      if (mode === 'possessive') this.emit({ t: 'atomic', body });
      else this.emit(body);
      return;
    }
    if (mode === 'possessive') {
      // Java's possessive Curly: each iteration matched on its own (atomically), then no backing off.
      this.emit({ t: 'atomic', body: { t: 'repeat', body: { t: 'atomic', body }, min, max, mode: 'greedy' } });
      return;
    }
    if (min === 0 && max === 1) {
      const split = code.length;
      code.push(Op.SPLIT, -1, -1);
      this.emit(body);
      if (mode === 'greedy') {
        code[split + 1] = split + 3;
        code[split + 2] = code.length;
      } else {
        code[split + 1] = code.length;
        code[split + 2] = split + 3;
      }
      return;
    }
    const r = this.loops++;
    code.push(Op.ENTER, r);
    const decision = code.length;
    code.push(mode === 'greedy' ? Op.GREEDY : Op.LAZY, r, min, max, -1);
    code.push(Op.ITER, r);
    this.emit(body);
    const tail = code.length;
    code.push(Op.TAIL, r, decision, -1);
    code[decision + 4] = code.length;
    code[tail + 3] = code.length;
  }
}
