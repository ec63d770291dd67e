import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unlimitedMeter, Meter, BudgetExceeded } from '../../../src/java/meter.js';
import { EcmaPatterns, ecmaRegexIsValid, ecmaToJava } from '../../../src/pipeline/validation/schema/ecma-regex.js';

// Patterns where ECMA and Java differ, each checked against the native engine (the reference for ECMA).
const PATTERNS = [
  '^[a-z]+$', 'a$', '^.$', '\\s+', '\\S', '[\\s]', '[^\\s]', '\\bfoo\\b', '\\Bo', '[^]', '[]', 'a[]', '[\\b]', '\\v', '[&&a]', '[a[b]',
  '\\cJ', '\\cj', '\\x41', '\\u0041', '\\xZ', '\\uZZ', '\\y', '\\8', '(a)\\1', '(a)\\2', '\\01', '\\101', '[\\101]', 'a{', 'a{2', '{', '}', ']', 'x{2}', 'x{2,}', 'x{1,3}?',
  '[\\w-z]', '[a-\\d]', '[\\d-]', '.+', '[.]', '\\.', '(?:ab)+', '(?=a)a', '(?!b).', 'a|', '|', '()', '[\\]]', '[\\^]', '[^^]', '\\/', '\\-', '\\$', '\\^', '[$]', '\\0',
];
const INPUTS = ['', 'a', 'abc', 'ABC', 'a\n', '\n', '\u00a0', '\ufeff', ' \t', 'foo bar', 'x{', '{}', 'xx', 'xxx', 'a-b', '\b', '\u000b', '&', '[', 'A', '\u0001', '\n\u2028', 'é', '\u0085', ']', 'aa', '$', '^', 'ab$', 'z', '9', '-', '\u0000', '/', 'oo'];

describe('ECMA 262 patterns on the Java engine', () => {
  const patterns = new EcmaPatterns();

  it('agree with the native ECMA engine on every case', () => {
    for (const source of PATTERNS) {
      expect(ecmaRegexIsValid(source), source).toBe(true);
      const compiled = patterns.get(source);
      expect(compiled, `${source} → ${ecmaToJava(source)}`).not.toBeNull();
      const native = new RegExp(source);
      for (const input of INPUTS) expect(compiled!.test(input, unlimitedMeter()), `${source} on ${JSON.stringify(input)} (${ecmaToJava(source)})`).toBe(native.test(input));
    }
  });

  it('agree on generated inputs', () => {
    const sources = ['^(ab|a)*b?$', '[a-c]{2,3}', '^\\d{3}-\\d{4}$', '^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$', '(x+x+)+y', '\\w+\\s\\w+'];
    const compiled = sources.map((s) => [new RegExp(s), patterns.get(s)!] as const);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'x', 'y', '1', '-', '@', '.', ' ', '\n', 'é'), maxLength: 12 }), (input) => {
        for (const [native, ours] of compiled) expect(ours.test(input, unlimitedMeter())).toBe(native.test(input));
      }),
    );
  });

  it('rejects what ES5 engines reject, and invalid syntax', () => {
    for (const bad of ['(', '[', '*a', 'a**', '(?<n>a)', '(?<=a)', '(?<!a)', '\\k<n>(?<n>a)', 'a{2,1}', '[b-a]', '(?i)a', 'a++', '\\']) {
      expect(ecmaRegexIsValid(bad), bad).toBe(false);
      expect(patterns.get(bad), bad).toBeNull();
    }
  });

  it('a catastrophic pattern stops at the work budget instead of hanging', () => {
    const p = patterns.get('(a+)+$')!;
    const meter = new Meter({ maxWork: 200_000, maxMemory: Infinity, maxStringLength: Infinity });
    const start = Date.now();
    expect(() => p.test(`${'a'.repeat(5000)}!`, meter)).toThrow(BudgetExceeded);
    expect(Date.now() - start).toBeLessThan(5000);
  });
});
