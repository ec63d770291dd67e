import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BudgetExceeded, Meter } from '../../src/java/meter.js';
import { JavaException } from '../../src/java/exceptions.js';
import { PatternCache, compileJavaPattern, javaMatches, javaReplace, javaSplit } from '../../src/java/regex/index.js';

const defaultMeter = () => new Meter({ maxWork: 10_000_000, maxMemory: 256 * 1024 * 1024, maxStringLength: 10 * 1024 * 1024 });
const roomyMeter = () => new Meter({ maxWork: 1e9, maxMemory: 1e10, maxStringLength: 1e9 });

/** Runs `f`, expecting the meter to stop it on work, and checks the work was really charged. */
function expectWorkBudgetExceeded(f: (meter: Meter) => unknown): void {
  const meter = defaultMeter();
  let thrown: unknown;
  try {
    f(meter);
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(BudgetExceeded);
  expect((thrown as BudgetExceeded).kind).toBe('work');
  expect(meter.work).toBeGreaterThan(meter.maxWork);
}

describe('catastrophic patterns end in BudgetExceeded(work), never run unbounded', () => {
  it('nested quantifiers (a+)+$ on a non-matching input (exponential backtracking)', () => {
    const cache = new PatternCache();
    expectWorkBudgetExceeded((m) => javaMatches('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', '(a+)+$', m, cache));
  });

  it('\\s+$ over 100 KB of spaces followed by a letter (quadratic search)', () => {
    const cache = new PatternCache();
    const input = ' '.repeat(100_000) + 'x';
    expectWorkBudgetExceeded((m) => javaReplace(input, '\\s+$', '', true, m, cache));
  });

  it('overlapping alternatives under a counted loop, (.*a){20}', () => {
    const cache = new PatternCache();
    expectWorkBudgetExceeded((m) => javaMatches('a'.repeat(40) + 'b', '(.*a){20}', m, cache));
  });

  it('(x+x+)+y in split and in look-ahead', () => {
    const cache = new PatternCache();
    expectWorkBudgetExceeded((m) => javaSplit('x'.repeat(40), '(x+x+)+y', 0, m, cache));
    expectWorkBudgetExceeded((m) => javaMatches('x'.repeat(40), '(?=(x+x+)+y).*', m, cache));
  });

  it('unbounded look-behind over a long input is charged per position tried', () => {
    const cache = new PatternCache();
    expectWorkBudgetExceeded((m) => javaReplace('a'.repeat(100_000), '(?<=a*b)a', '', true, m, cache));
  });

  it('(a|b)* over 1 MB keeps an explicit stack: no JS stack overflow, the stack is charged as memory', () => {
    const meter = defaultMeter();
    const input = 'ab'.repeat(512 * 1024);
    let result: unknown;
    try {
      result = javaMatches(input, '(a|b)*', meter, new PatternCache());
    } catch (e) {
      result = e;
    }
    expect(result instanceof BudgetExceeded || result === true).toBe(true);
    expect(meter.memory).toBeGreaterThan(1024 * 1024);
    expect(meter.work).toBeGreaterThan(1024 * 1024);
  });

  it('deeply nested groups are a StackOverflowError like Java, not a JS RangeError', () => {
    const pattern = '('.repeat(5000) + 'a' + ')'.repeat(5000);
    expect(() => compileJavaPattern(pattern)).toThrow(JavaException);
    expect(() => compileJavaPattern(pattern)).toThrow(/StackOverflowError/);
  });

  it('a replacement result is admitted before it is built', () => {
    const meter = new Meter({ maxWork: 1e9, maxMemory: 1e10, maxStringLength: 1000 });
    expect(() => javaReplace('a'.repeat(600), 'a', 'bb', true, meter, new PatternCache())).toThrow(BudgetExceeded);
  });

  it('literal and single-class patterns are charged about one unit per 16 chars scanned', () => {
    const input = 'abc,'.repeat(25_000);
    for (const pattern of [',', '\\s*,\\s*', '[^a-z]', '"']) {
      const meter = roomyMeter();
      javaReplace(input, pattern, ';', true, meter, new PatternCache());
      expect(meter.work).toBeGreaterThan(0);
      expect(meter.work).toBeLessThan(input.length * 2);
    }
  });
});

// --- Agreement with native RegExp where Java and JavaScript mean the same thing ---

/**
 * A small grammar where the languages agree: ASCII inputs without line terminators (so `.`, `$`, `\b`, `\w`
 * coincide), no back-references (Java fails on an unset group, JS matches empty), and loop bodies that
 * always consume (Java ends a loop on an empty iteration and accepts it; JS rejects that iteration).
 */
const literal = fc.constantFrom('a', 'b', 'c', '1', ' ', '\\.', '-');
const klass = fc.constantFrom('[ab]', '[^a]', '[a-c]', '\\d', '\\w', '\\s', '.', '[^\\d ]', '\\W');
const quant = fc.tuple(fc.constantFrom('*', '+', '?', '{0,2}', '{1,3}', '{2}'), fc.constantFrom('', '?'));
const { node } = fc.letrec<{ consumer: string; node: string }>((tie) => ({
  consumer: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    literal,
    klass,
    fc.tuple(fc.array(tie('consumer'), { minLength: 1, maxLength: 3 }), fc.boolean()).map(([xs, cap]) => `(${cap ? '' : '?:'}${xs.join('')})`),
    fc.tuple(tie('consumer'), tie('consumer')).map(([a, b]) => `(?:${a}|${b})`),
  ),
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    literal,
    klass,
    fc.constantFrom('^', '$', '\\b', '\\B'),
    fc.tuple(tie('consumer'), quant).map(([c, [q, lazy]]) => c + q + lazy),
    fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((xs) => xs.join('')),
    fc.tuple(tie('node'), tie('node')).map(([a, b]) => `(?:${a}|${b})`),
    tie('node').map((n) => `(${n})`),
  ),
}));
const pattern = fc.tuple(fc.boolean(), node).map(([ci, n]) => (ci ? '(?i)' : '') + n);
const input = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', '1', ' ', '.', '-'), maxLength: 12 });

/**
 * The `u` flag, not `v`: the grammar needs nothing of `v`, and V8 (Node 20) has a `v`-mode bug that
 * would fail these properties for the wrong side: `"aa".replace(/(?:(?:a|a)[^\d ]){0,2}/v, '<$&>')` gives
 * `<>aa`, where `u` mode, Java and this engine all give `<aa>`.
 */
const NATIVE_FLAG = 'u';

function nativeOf(p: string, flags: string): RegExp {
  const ci = p.startsWith('(?i)');
  return new RegExp(ci ? p.slice(4) : p, flags + (ci ? 'i' : '') + NATIVE_FLAG);
}

it('pins the V8 v-mode bug the properties avoid (Java: <aa>)', () => {
  expect(javaReplace('aa', '(?:(?:a|a)[^\\d ]){0,2}', '<$0>', false, roomyMeter(), new PatternCache())).toBe('<aa>');
  expect('aa'.replace(/(?:(?:a|a)[^\d ]){0,2}/u, '<$&>')).toBe('<aa>');
});

describe('agreement with native RegExp on the common sublanguage', () => {
  it('String.matches agrees with a fully anchored RegExp', () => {
    const cache = new PatternCache();
    fc.assert(
      fc.property(pattern, input, (p, s) => {
        const ci = p.startsWith('(?i)');
        const whole = new RegExp(`^(?:${ci ? p.slice(4) : p})$`, (ci ? 'i' : '') + NATIVE_FLAG);
        expect(javaMatches(s, p, roomyMeter(), cache)).toBe(whole.test(s));
      }),
      { numRuns: 400 },
    );
  });

  it('the first match has the same span as RegExp.exec (replaceFirst agrees)', () => {
    const cache = new PatternCache();
    fc.assert(
      fc.property(pattern, input, (p, s) => {
        expect(javaReplace(s, p, '<$0>', false, roomyMeter(), cache)).toBe(s.replace(nativeOf(p, ''), '<$&>'));
      }),
      { numRuns: 400 },
    );
  });

  it('replaceAll steps over empty matches like String.prototype.replace with /g', () => {
    const cache = new PatternCache();
    fc.assert(
      fc.property(pattern, input, (p, s) => {
        expect(javaReplace(s, p, '<$0>', true, roomyMeter(), cache)).toBe(s.replace(nativeOf(p, 'g'), '<$&>'));
      }),
      { numRuns: 400 },
    );
  });

  it('literal fast paths agree with the machine', () => {
    fc.assert(
      fc.property(fc.constantFrom(',', '"', '\\\\', '\n', 'ab', '\\.'), fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\\', '\n', '.'), maxLength: 20 }), fc.integer({ min: -1, max: 3 }), (lit, s, limit) => {
        // The same pattern behind a no-op group is not a literal, so it runs on the machine.
        const machine = `(?:${lit})`;
        expect(javaSplit(s, lit, limit, roomyMeter(), new PatternCache())).toEqual(javaSplit(s, machine, limit, roomyMeter(), new PatternCache()));
        expect(javaReplace(s, lit, '[$0]', true, roomyMeter(), new PatternCache())).toBe(javaReplace(s, machine, '[$0]', true, roomyMeter(), new PatternCache()));
      }),
      { numRuns: 200 },
    );
  });
});
