import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileJavaRegex, javaReplacement, javaSplit, groupCount } from '../../src/java/regex.js';

const matches = (pattern: string, s: string) => compileJavaRegex(pattern).whole.test(s);
const replaceAll = (s: string, pattern: string, replacement: string) => {
  const { regex } = compileJavaRegex(pattern);
  regex.lastIndex = 0;
  return s.replace(regex, javaReplacement(replacement, groupCount(regex)));
};

describe('Java regular expressions', () => {
  it('matches() must match the whole input', () => {
    expect(matches('h.*o', 'hello')).toBe(true);
    expect(matches('ell', 'hello')).toBe(false);
    expect(matches('a|ab', 'ab')).toBe(true);
  });

  it('translates Java-only syntax', () => {
    expect(matches('\\Qa.b\\E', 'a.b')).toBe(true);
    expect(matches('\\Qa.b\\E', 'axb')).toBe(false);
    expect(matches('\\p{Alpha}+\\p{Digit}', 'abc1')).toBe(true);
    expect(matches('\\p{Lu}\\p{L}*', 'Émile')).toBe(true);
    expect(matches('[a-z&&[^aeiou]]+', 'bcd')).toBe(true);
    expect(matches('[a-z&&[^aeiou]]+', 'bad')).toBe(false);
    expect(matches('[a-c[x-z]]+', 'axz')).toBe(true);
    expect(matches('(?i)hello', 'HeLLo')).toBe(true);
    expect(matches('a++b', 'aab')).toBe(true);
    expect(matches('(?>a+)b', 'aab')).toBe(true);
    expect(matches('\\x41\\u0042\\0103', 'ABC')).toBe(true);
    expect(matches('\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:00\\.000Z$', '2020-01-20T08:00:00.000Z')).toBe(true);
    expect(matches('\\h+', ' \t')).toBe(true);
    expect(matches('\\Aab\\z', 'ab')).toBe(true);
    expect(matches('a\\-b', 'a-b')).toBe(true);
  });

  it('rejects malformed patterns like PatternSyntaxException', () => {
    expect(() => compileJavaRegex('(')).toThrow(/PatternSyntaxException/);
    expect(() => compileJavaRegex('*a')).toThrow(/Dangling meta character/);
    expect(() => compileJavaRegex('[a')).toThrow(/Unclosed character class/);
    expect(() => compileJavaRegex('\\k')).toThrow(/PatternSyntaxException/);
  });

  it('uses $n and ${name} in replacements, with \\$ for a literal dollar', () => {
    expect(replaceAll('hello', '(l+)', '<$1>')).toBe('he<ll>o');
    expect(replaceAll('hello', 'l', '$0$0')).toBe('hellllo');
    expect(replaceAll('a-b', '(?<x>\\w)', '[${x}]')).toBe('[a]-[b]');
    expect(replaceAll('cost', 'cost', '\\$5')).toBe('$5');
    expect(() => replaceAll('a', 'a', '$')).toThrow(/group index is missing/);
    expect(() => replaceAll('a', 'a', '$2')).toThrow(/No group 2/);
    expect(() => replaceAll('a', 'a', 'x\\')).toThrow(/character to be escaped is missing/);
  });

  it('splits like String.split: no captured groups, trailing empty strings removed', () => {
    expect(javaSplit('a,b,,c,,', ',', 0)).toEqual(['a', 'b', '', 'c']);
    expect(javaSplit('a,b,,c,,', ',', -1)).toEqual(['a', 'b', '', 'c', '', '']);
    expect(javaSplit('a,b,,c,,', ',', 2)).toEqual(['a', 'b,,c,,']);
    expect(javaSplit('a.b.c', '.', 0)).toEqual([]);
    expect(javaSplit('a.b.c', '\\.', 0)).toEqual(['a', 'b', 'c']);
    expect(javaSplit('a1b2', '(\\d)', 0)).toEqual(['a', 'b']);
    expect(javaSplit('abc', '', 0)).toEqual(['a', 'b', 'c']);
    expect(javaSplit('', ',', 0)).toEqual(['']);
    expect(javaSplit(',a', ',', 0)).toEqual(['', 'a']);
  });

  it('treats any quoted literal as itself', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(matches(`\\Q${s.replace(/\\E/g, '')}\\E`, s.replace(/\\E/g, ''))).toBe(true);
      }),
    );
  });
});
