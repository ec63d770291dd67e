import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Meter } from '../../src/java/meter.js';
import { PatternCache, compileJavaPattern, javaMatches, javaReplace, javaSplit } from '../../src/java/regex/index.js';

const meter = () => new Meter({ maxWork: 10_000_000, maxMemory: 256 * 1024 * 1024, maxStringLength: 10 * 1024 * 1024 });
const cache = new PatternCache();
const matches = (pattern: string, s: string) => javaMatches(s, pattern, meter(), cache);
const replaceAll = (s: string, pattern: string, replacement: string) => javaReplace(s, pattern, replacement, true, meter(), cache);
const replaceFirst = (s: string, pattern: string, replacement: string) => javaReplace(s, pattern, replacement, false, meter(), cache);
const split = (s: string, pattern: string, limit: number) => javaSplit(s, pattern, limit, meter(), cache);
const compileError = (pattern: string) => {
  try {
    compileJavaPattern(pattern);
  } catch (e) {
    return (e as Error).message;
  }
  return null;
};
/** Where the first match starts, or null. */
const find = (pattern: string, s: string) => {
  if (!compileJavaPattern(pattern).find(s, meter())) return null;
  return { start: replaceFirst(s, pattern, '\u0000$0').indexOf('\u0000') };
};

describe('Java regular expressions', () => {
  it('matches() must match the whole input', () => {
    expect(matches('h.*o', 'hello')).toBe(true);
    expect(matches('ell', 'hello')).toBe(false);
    expect(matches('a|ab', 'ab')).toBe(true);
  });

  it('supports Java-only syntax', () => {
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
    expect(() => compileJavaPattern('(')).toThrow(/PatternSyntaxException/);
    expect(() => compileJavaPattern('*a')).toThrow(/Dangling meta character/);
    expect(() => compileJavaPattern('[a')).toThrow(/Unclosed character class/);
    expect(() => compileJavaPattern('\\k')).toThrow(/PatternSyntaxException/);
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
    expect(split('a,b,,c,,', ',', 0)).toEqual(['a', 'b', '', 'c']);
    expect(split('a,b,,c,,', ',', -1)).toEqual(['a', 'b', '', 'c', '', '']);
    expect(split('a,b,,c,,', ',', 2)).toEqual(['a', 'b,,c,,']);
    expect(split('a.b.c', '.', 0)).toEqual([]);
    expect(split('a.b.c', '\\.', 0)).toEqual(['a', 'b', 'c']);
    expect(split('a1b2', '(\\d)', 0)).toEqual(['a', 'b']);
    expect(split('abc', '', 0)).toEqual(['a', 'b', 'c']);
    expect(split('', ',', 0)).toEqual(['']);
    expect(split(',a', ',', 0)).toEqual(['', 'a']);
  });

  it('treats any quoted literal as itself', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const t = s.replace(/\\E/g, '');
        expect(matches(`\\Q${t}\\E`, t)).toBe(true);
      }),
    );
  });
});

// Facts below were checked against java.util.regex of OpenJDK 17.0.15.
describe('literal fast paths', () => {
  // `(?:L)` is the same pattern as `L` but not a literal, so it runs on the machine: the text fast paths
  // of replaceAll, replaceFirst and split must agree with it on every input.
  const text = fc.string({ unit: fc.constantFrom('a', 'b', ',', ' ', '"'), maxLength: 24 });
  const literal = fc.string({ unit: fc.constantFrom('a', 'b', ',', ' ', '"'), minLength: 1, maxLength: 3 });
  const plain = fc.string({ unit: fc.constantFrom('x', '-', '', 'ab'), maxLength: 3 });

  it('replaceAll / replaceFirst of a literal with a plain replacement equal the general path (property)', () => {
    fc.assert(
      fc.property(text, literal, plain, (s, lit, rep) => {
        expect(replaceAll(s, lit, rep)).toBe(replaceAll(s, `(?:${lit})`, rep));
        expect(replaceFirst(s, lit, rep)).toBe(replaceFirst(s, `(?:${lit})`, rep));
      }),
    );
  });

  it('split of a literal equals the general path (property)', () => {
    fc.assert(
      fc.property(text, literal, fc.constantFrom(0, -1, 2), (s, lit, limit) => {
        expect(split(s, lit, limit)).toEqual(split(s, `(?:${lit})`, limit));
      }),
    );
  });

  it('charges what it builds: a replacement that grows the text past the string cap is refused before it is built', () => {
    const small = new Meter({ maxWork: 10_000_000, maxMemory: 256 * 1024 * 1024, maxStringLength: 1000 });
    expect(() => javaReplace('a'.repeat(100), 'a', 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', true, small, cache)).toThrow(/longer than 1000/);
  });
});

describe('java.util.regex semantics (JDK 17)', () => {
  it('possessive quantifiers match each iteration on its own and never give back', () => {
    expect(matches('a*+a', 'aaa')).toBe(false);
    expect(matches('(?:aa|a){2}+', 'aa')).toBe(false);
    expect(matches('(?>(?:aa|a){2})', 'aa')).toBe(true);
    expect(matches('[ab]?+b', 'b')).toBe(false);
  });

  it('atomic groups discard their backtracking positions', () => {
    expect(matches('(?>a|ab)c', 'abc')).toBe(false);
    expect(matches('(?>ab|a)c', 'abc')).toBe(true);
    expect(replaceAll('aab', '(?>(a+))b', '[$1]')).toBe('[aa]');
  });

  it('an inline flag lasts to the end of its group; (?i:x) scopes to x', () => {
    expect(matches('a(?i)b', 'aB')).toBe(true);
    expect(matches('a(?i)b', 'AB')).toBe(false);
    expect(matches('(a(?i)b)c', 'aBC')).toBe(false);
    expect(matches('a(?i)b|c', 'C')).toBe(true);
    expect(matches('(?i:a)a', 'Aa')).toBe(true);
    expect(matches('(?i:a)a', 'AA')).toBe(false);
    expect(matches('((?i)a)a', 'AA')).toBe(false);
    expect(matches('(?i-i)a', 'A')).toBe(false);
  });

  it('CASE_INSENSITIVE is ASCII-only unless UNICODE_CASE (?u)', () => {
    expect(matches('(?i)é', 'É')).toBe(false);
    expect(matches('(?iu)é', 'É')).toBe(true);
    expect(matches('(?i)[à-ÿ]', 'À')).toBe(false);
    expect(matches('(?iu)[à-ÿ]', 'À')).toBe(true);
    expect(matches('(?i)(a)\\1', 'aA')).toBe(true);
    expect(matches('(?i)(é)\\1', 'éÉ')).toBe(false);
    expect(matches('(?iu)(é)\\1', 'éÉ')).toBe(true);
    expect(matches('(?u)a', 'A')).toBe(false);
    expect(matches('(?i)\\p{Lower}', 'A')).toBe(true);
    expect(matches('(?i)\\p{Lu}', 'a')).toBe(true);
  });

  it('\\b treats letters and digits of any script as word characters (not \\w)', () => {
    expect(matches('\\b\\w+\\b', 'é')).toBe(false);
    expect(find('\\bb', 'éb')).toBeNull();
    expect(find('\\bb', '\u0301b')?.start).toBe(1);
    expect(find('\\bb', 'a\u0301b')).toBeNull();
    expect(replaceAll('_', '\\b', '|')).toBe('|_|');
    expect(replaceAll('ab', '\\B', '|')).toBe('a|b');
  });

  it('. excludes \\n \\r \\u0085 \\u2028 \\u2029 unless DOTALL; only \\n under UNIX_LINES', () => {
    for (const t of ['\n', '\r', '\u0085', '\u2028', '\u2029']) {
      expect(matches('.', t)).toBe(false);
      expect(matches('(?s).', t)).toBe(true);
    }
    expect(matches('(?d).', '\r')).toBe(true);
    expect(matches('(?d).', '\n')).toBe(false);
    expect(matches('.', '😀')).toBe(true);
    expect(matches('..', '😀')).toBe(false);
  });

  it('$ matches before a final line terminator (\\r\\n as one), never between \\r and \\n', () => {
    expect(replaceAll('a\r\n', '$', 'X')).toBe('aX\r\nX');
    expect(replaceAll('a\n', '$', 'X')).toBe('aX\nX');
    expect(replaceAll('a\r\nb', '(?m)$', 'X')).toBe('aX\r\nbX');
    expect(replaceAll('a\r\n', '\\Z', 'X')).toBe('aX\r\nX');
    expect(replaceAll('a\r\n', '(?d)$', 'X')).toBe('a\rX\nX');
  });

  it('(?m)^ never matches at the end of input, even after a newline', () => {
    expect(find('(?m)^', '')).toBeNull();
    expect(replaceAll('a\nb\n', '(?m)^', 'X')).toBe('Xa\nXb\n');
    expect(replaceAll('a\rb\nc', '(?d)(?m)^', 'X')).toBe('Xa\rb\nXc');
  });

  it('\\G anchors at the end of the previous match', () => {
    expect(replaceAll('aab', '\\Ga', '-')).toBe('--b');
    expect(matches('(?<=\\G)a', 'a')).toBe(true);
  });

  it('a loop iteration that matches nothing ends the loop (captures keep that empty iteration)', () => {
    expect(replaceFirst('aa', '(a|)*', '[$1]')).toBe('[]');
    expect(replaceFirst('aaa', '(a*)+', '[$1]')).toBe('[]');
    expect(replaceFirst('b', '(a*)*b', '[$1]')).toBe('[]');
    expect(replaceFirst('b', '(?:a|()){2,}b', '[$1]')).toBe('[]');
    expect(replaceFirst('ba', '(a|(b))+', '[$2]')).toBe('[b]');
  });

  it('a back-reference to a group that did not participate fails (no error for a missing group)', () => {
    expect(matches('a\\2', 'a')).toBe(false);
    expect(matches('(a)?b\\1', 'b')).toBe(false);
    expect(matches('(a)\\10', 'aa0')).toBe(true);
    expect(matches('((((((((((a))))))))))\\10', 'aa')).toBe(true);
  });

  it('look-behind may be unbounded', () => {
    expect(find('(?<=a+)b', 'xaab')?.start).toBe(3);
    expect(find('(?<!a*)b', 'xb')).toBeNull();
    expect(replaceAll('xbcd', '(?<=(a|bc))d', '<$1>')).toBe('xbc<bc>');
  });

  it('character classes: first ] is literal, ^ negates the whole class, && intersects', () => {
    expect(matches('[]a]', ']')).toBe(true);
    expect(matches('[^]a]', 'b')).toBe(true);
    expect(matches('[^a[b]]', 'b')).toBe(false);
    expect(matches('[^a&&b]', 'a')).toBe(true);
    expect(matches('[a&&]', 'a')).toBe(true);
    expect(matches('[a-c&&b-d&&c]', 'c')).toBe(true);
    expect(matches('[a-[b]]', '-')).toBe(true);
    expect(matches('[\\Qa-c\\E]', 'b')).toBe(false);
    expect(matches('(?x)[a b]+', 'a b')).toBe(false);
    expect(compileError('[&&]')).toMatch(/^java.util.regex.PatternSyntaxException: Bad class syntax near index 2/);
  });

  it('property names: POSIX names are ASCII, Is-names Unicode, lookups never hit Object.prototype', () => {
    expect(matches('\\p{Alpha}', 'é')).toBe(false);
    expect(matches('\\p{IsAlpha}', 'é')).toBe(true);
    expect(matches('\\p{IsAlphabetic}', 'a')).toBe(true);
    expect(matches('\\p{IsLATIN}', 'a')).toBe(true);
    expect(matches('\\p{sc=latn}', 'a')).toBe(true);
    expect(matches('\\p{IsGreek}', 'α')).toBe(true);
    expect(matches('\\p{C}', '\u0378')).toBe(true);
    expect(matches('\\p{javaLowerCase}', 'ª')).toBe(true);
    expect(matches('\\p{javaWhitespace}', '\u00a0')).toBe(false);
    expect(matches('(?U)\\p{Alpha}', 'é')).toBe(true);
    expect(matches('(?U)\\w', 'é')).toBe(true);
    expect(matches('(?U)(?-U)\\w', 'é')).toBe(false);
    expect(matches('\\s', '\u2003')).toBe(false);
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'Letter', 'Latin', 'Is_Alphabetic', 'isalphabetic']) {
      expect(compileError(`\\p{${name}}`)).toMatch(new RegExp(`^java.util.regex.PatternSyntaxException: Unknown character property name \\{${name}\\} near index`));
    }
    expect(compileError('\\p{gc=Foo}')).toMatch(/^java.util.regex.PatternSyntaxException: Unknown Unicode property \{name=<gc>, value=<Foo>\}/);
  });

  it('quantifier grammar: { where an atom is expected is an empty atom', () => {
    expect(matches('{1}', '')).toBe(true);
    expect(matches('x{1}{2}', 'x')).toBe(true);
    expect(matches('a*{2}', 'aa')).toBe(true);
    expect(matches('a\\Q\\E*', 'aa')).toBe(true);
    expect(matches('\\Qab\\E*', 'abb')).toBe(true);
    expect(matches('(?x)a{1, 2}', 'a')).toBe(true);
  });

  it('PatternSyntaxException messages carry Java descriptions, index and caret', () => {
    expect(compileError('*a')).toBe("Dangling meta character '*' near index 0\n*a\n^".replace(/^/, 'java.util.regex.PatternSyntaxException: '));
    const cases: Array<[string, string]> = [
      ['a{', 'Illegal repetition near index 2\na{'],
      ['a{1', 'Unclosed counted closure near index 3\na{1'],
      ['a{2,1}', 'Illegal repetition range near index 5\na{2,1}\n     ^'],
      ['a{2147483648}', 'Illegal repetition range near index 11\na{2147483648}\n           ^'],
      ['a**', "Dangling meta character '*' near index 2\na**\n  ^"],
      ['(', 'Unclosed group near index 1\n('],
      ['a)', "Unmatched closing ')' near index 0\na)\n^"],
      ['[a', 'Unclosed character class near index 1\n[a\n ^'],
      ['\\', 'Unexpected internal error near index 1\n\\'],
      ['\\k<x>', 'named capturing group <x> does not exist near index 4\n\\k<x>\n    ^'],
      ['(?<1a>x)', 'capturing group name does not start with a Latin letter near index 3\n(?<1a>x)\n   ^'],
      ['(?<a>x)(?<a>y)', 'Named capturing group <a> is already defined near index 11\n(?<a>x)(?<a>y)\n           ^'],
      ['[b-a]', 'Illegal character range near index 3\n[b-a]\n   ^'],
      ['\\y', 'Illegal/unsupported escape sequence near index 1\n\\y\n ^'],
      ['\\E', 'Illegal/unsupported escape sequence near index 1\n\\E\n ^'],
      ['\\xZ', 'Illegal hexadecimal escape sequence near index 2\n\\xZ\n  ^'],
      ['\\x{110000}', 'Hexadecimal codepoint is too big near index 8\n\\x{110000}\n        ^'],
      ['\\u12', 'Illegal Unicode escape sequence near index 4\n\\u12'],
      ['\\08', 'Illegal octal escape sequence near index 2\n\\08\n  ^'],
      ['(?z)', 'Unknown inline modifier near index 2\n(?z)\n  ^'],
      ['\\p{L', 'Unclosed character family near index 4\n\\p{L'],
      ['\\c', 'Illegal control escape sequence near index 1\n\\c\n ^'],
    ];
    for (const [pattern, message] of cases) expect(compileError(pattern)).toBe('java.util.regex.PatternSyntaxException: ' + message);
  });

  it('replacement errors are Matcher.appendReplacement’s, raised only when there is a match', () => {
    expect(() => replaceAll('a', 'a', '${}')).toThrow('IllegalArgumentException: named capturing group has 0 length name');
    expect(() => replaceAll('a', 'a', '${1x}')).toThrow('capturing group name {1x} starts with digit character');
    expect(() => replaceAll('a', 'a', '${x')).toThrow("named capturing group is missing trailing '}'");
    expect(() => replaceAll('a', 'a', '${x}')).toThrow('No group with name {x}');
    expect(() => replaceAll('a', 'a', '$a')).toThrow('IllegalArgumentException: Illegal group reference');
    expect(replaceAll('a', '(a)', '$11')).toBe('a1');
    expect(replaceAll('abc', 'x', '$2')).toBe('abc');
    expect(replaceAll('ab', '(a)|b', '[$1]')).toBe('[a][]');
    expect(replaceAll('a', '(?<name>a)', '${name}${name}')).toBe('aa');
  });

  it('empty matches advance one char; a split never yields a leading empty string for a zero-width match', () => {
    expect(replaceAll('ab', '', '-')).toBe('-a-b-');
    expect(replaceAll('baaac', 'a*', '-')).toBe('-b--c-');
    expect(split('abab', '(?=b)', 0)).toEqual(['a', 'ba', 'b']);
    expect(split('abc', '^', 0)).toEqual(['abc']);
    expect(split('😀', '', 0)).toEqual(['\ud83d', '\ude00']);
  });

  it('patterns with supplementary characters never start a match inside a surrogate pair', () => {
    expect(replaceAll('😀', '[^\\x{1F600}]', 'x')).toBe('😀');
    expect(replaceAll('😀', '\\uDE00', 'y')).toBe('😀');
    expect(replaceAll('😀', '\\P{L}', 'x')).toBe('x');
    expect(matches('\\uD83D\\uDE00', '😀')).toBe(true);
  });

  it('PatternCache is bounded by count and by total pattern length', () => {
    const c = new PatternCache(3, 100);
    for (const p of ['a', 'b', 'c', 'd']) javaMatches('a', p, meter(), c);
    expect(c.size).toBe(3);
    const d = new PatternCache(100, 40);
    for (const p of ['x'.repeat(10), 'y'.repeat(10), 'z'.repeat(10), 'w'.repeat(10), 'v'.repeat(10)]) javaMatches('a', p, meter(), d);
    expect(d.size).toBe(4);
    javaMatches('a', 'q'.repeat(11), meter(), d); // longer than a quarter of the bound: not cached
    expect(d.size).toBe(4);
  });
});
