/**
 * `hashCode()` as the JDK computes it (values checked with the Java libraries API Gateway runs): String's
 * polynomial, Integer's value, Long and Double folded to 32 bits, Boolean's 1231/1237, BigInteger's
 * magnitude words, List's 31·h + e, a Map's and a Set's sum, and Map.Entry's key ^ value.
 */
import { describe, expect, it } from 'vitest';
import { render } from '../helpers.js';

describe('hashCode() is the JDK hashCode', () => {
  it.each([
    ['a template list [1, 2]: 31·(31·1 + 1) + 2', '#set($l = [1, 2])$l.hashCode()', {}, '994'],
    ['a list of strings', '#set($l = ["a", "b"])$l.hashCode()', {}, '4066'],
    ['a list with negative numbers', '#set($l = [-1, 0])$l.hashCode()', {}, '930'],
    ['a map: the sum of key ^ value', '#set($m = {"a": 1, "b": "x"})$m.hashCode()', {}, '122'],
    ['a map entry: key ^ value', '#set($m = {"a": 1})#foreach($e in $m.entrySet())$e.hashCode()#end', {}, '96'],
    ['a keySet: the sum of its keys', '#set($m = {"a": 1, "b": 2})$m.keySet().hashCode()', {}, '195'],
    ['a String', "$input.path('$.s').hashCode()", { body: '{"s": "hello"}' }, '99162322'],
    ['an Integer', '#set($n = 7)$n.hashCode()', {}, '7'],
    ['a Long: value ^ (value >>> 32)', "$input.path('$.n').hashCode()", { body: '{"n": 9007199254740993}' }, '2097153'],
    ['a Double: its bits folded', "$input.path('$.d').hashCode()", { body: '{"d": 1.5}' }, '1073217536'],
    ['-0.0 differs from 0.0', "$input.path('$.d').hashCode()", { body: '{"d": -0.0}' }, '-2147483648'],
    ['a Boolean', "$input.path('$.b').hashCode()", { body: '{"b": true}' }, '1231'],
    ['a BigInteger', "$input.path('$.n').hashCode()", { body: '{"n": 123456789012345678901234567890}' }, '1915528825'],
    ['a JSON array with a null', "$input.path('$.a').hashCode()", { body: '{"a": [1, "x", null]}' }, '34472'],
    ['a JSON object holding a list and a null', "$input.path('$.o').hashCode()", { body: '{"o": {"k": [1], "j": null}}' }, '181'],
  ])('%s', (_fact, template, input, expected) => {
    expect(render(template, input)).toBe(expected);
  });
});
