import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { JsonParseError, parseJsonPermissive } from '../../src/java/json-parse.js';
import { toJsonText, jsonQuote } from '../../src/java/json-write.js';
import { toJavaString } from '../../src/java/print.js';
import { JavaBigDecimal, JavaBigInteger, JavaDouble, JavaFloat, JavaLong } from '../../src/java/numbers.js';
import { JavaList, JavaMap } from '../../src/java/values.js';
import { unlimitedMeter } from '../../src/java/meter.js';

const parse = parseJsonPermissive;
const printed = (text: string) => toJavaString(parse(text), unlimitedMeter());
const rewritten = (text: string) => toJsonText(parse(text), unlimitedMeter());

describe('json-smart permissive parsing (the way API Gateway reads bodies)', () => {
  it('types numbers by their text: Integer, Long, BigInteger, Double, BigDecimal', () => {
    const m = parse('{"i":1,"l":2147483648,"b":9223372036854775808,"d":10.50,"e":1e3,"g":0.30000000000000004}') as JavaMap;
    expect(m.get('i')).toBe(1);
    expect(m.get('l')).toEqual(new JavaLong(2147483648n));
    expect(m.get('b')).toEqual(new JavaBigInteger(9223372036854775808n));
    expect(m.get('d')).toEqual(new JavaDouble(10.5));
    expect(m.get('e')).toEqual(new JavaDouble(1000));
    expect(m.get('g')).toBeInstanceOf(JavaBigDecimal);
  });

  it('reads number quirks as json-smart does', () => {
    expect(printed('{"a":-0}')).toBe('{a=0}');
    expect(printed('{"a":007}')).toBe('{a=7}');
    expect(printed('{"a":-}')).toBe('{a=0}');
    expect(printed('{"a":.5,"b":+5,"c":5.}')).toBe('{a=.5, b=+5, c=5.0}');
    expect(printed('{"a":Infinity}')).toBe('{a=Infinity}');
    expect((parse('{"x":NaN}') as JavaMap).get('x')).toBeInstanceOf(JavaFloat);
  });

  it('treats text that is not JSON as a trimmed string', () => {
    expect(parse('a=b')).toBe('a=b');
    expect(parse('  padded  ')).toBe('padded');
    expect(parse('<test>my request body</test>')).toBe('<test>my request body</test>');
    expect(parse('12abc')).toBe('12abc');
    expect(parse('true false')).toBe('true false');
  });

  it('accepts unquoted and single-quoted keys and values, and useless commas', () => {
    expect(printed('{a:b c}')).toBe('{a=b c}');
    expect(printed("{x:hello world, 'y':'it\\'s',}")).toBe("{x=hello world, y=it's}");
    expect(printed('{"a":[1,,2],}')).toBe('{a=[1,2]}');
    expect(printed('{"a":hello"world}')).toBe('{a=hello"world}');
  });

  it('keeps the first position and the last value of a duplicate key', () => {
    expect(printed('{"a":1,"b":2,"a":3}')).toBe('{a=3, b=2}');
  });

  it('ignores trailing data after the first value', () => {
    expect(printed('{"a":1} xyz')).toBe('{a=1}');
    expect(printed('[1] [2]')).toBe('[1]');
  });

  it('drops an unknown escape with its backslash, and raw control characters in escaped strings', () => {
    expect(printed('{"a":"a\\qb"}')).toBe('{a=ab}');
    expect(printed('{"a":"x\ty"}')).toBe('{a=x\ty}');
    expect(printed('{"a":"x\ty\\n"}')).toBe('{a=xy\n}');
  });

  it('reports unterminated input with json-smart wording', () => {
    expect(() => parse('{a')).toThrow(new JsonParseError('Unexpected End Of File position 1: null', 1));
    expect(() => parse('[a')).toThrow('Unexpected End Of File position 1: EOF');
    expect(() => parse('{"a":}')).toThrow('Unexpected character (}) at position 5.');
    expect(() => parse('"abc')).toThrow(JsonParseError);
    expect(() => parse('{"a":"b" "c"}')).toThrow(JsonParseError);
  });

  it('refuses absurd nesting instead of overflowing the stack', () => {
    expect(() => parse('['.repeat(100_000))).toThrow(/nested/);
  });

  it('stores keys such as __proto__ as ordinary keys', () => {
    const m = parse('{"__proto__":{"x":1},"constructor":2}') as JavaMap;
    expect(m.keys()).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });

  it('reads whatever JSON.stringify writes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(() => parse(JSON.stringify(value))).not.toThrow();
      }),
    );
  });
});

describe('json-smart writing ($input.json and JSON arrays)', () => {
  it.each([
    ['{"x":"a/b"}', '{"x":"a\\/b"}'],
    ['{"x":"say \\"hi\\""}', '{"x":"say \\"hi\\""}'],
    ['{"x":"\\u00e9\\ud83d\\ude00"}', '{"x":"é😀"}'],
    ['{"x":"\\u2028\\u007f\\u0085\\u0001\\u2013"}', '{"x":"\\u2028\\u007F\\u0085\\u0001\\u2013"}'],
    ['{"x":10.50,"y":1e3,"z":12345678.9,"w":1e400}', '{"x":10.5,"y":1000.0,"z":1.23456789E7,"w":null}'],
    ['{"x":{"a":[1,"b/c",null],"d":{},"e":2.50}}', '{"x":{"a":[1,"b\\/c",null],"d":{},"e":2.5}}'],
    ['{"x":NaN}', '{"x":NaN}'],
    ['{x:hello world, \'y\':\'it\\\'s\',}', '{"x":"hello world","y":"it\'s"}'],
  ])('%s is written %s', (input, output) => {
    expect(rewritten(input)).toBe(output);
  });

  it('quotes strings so that JSON.parse reads them back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(JSON.parse(jsonQuote(s))).toBe(s);
      }),
    );
  });

  it('round-trips any JSON value through parse and write', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        expect(JSON.parse(rewritten(JSON.stringify(value)))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});

describe('String.valueOf (what values print as)', () => {
  it('prints maps the Java way and JSON arrays as JSON', () => {
    expect(printed('{"foo":"bar","n":1.50,"z":null}')).toBe('{foo=bar, n=1.5, z=null}');
    expect(printed('[{"foo":"a/b"}]')).toBe('[{"foo":"a\\/b"}]');
    expect(printed('{"foo":[{"nested":"b/c"}]}')).toBe('{foo=[{"nested":"b\\/c"}]}');
    expect(printed('[1,2.0,"s",true,null]')).toBe('[1,2.0,"s",true,null]');
    expect(printed('{"m":{"k":"v"}}')).toBe('{m={k=v}}');
    expect(printed('1e400')).toBe('Infinity');
  });

  it('prints template lists the Java way and a map containing itself as (this Map)', () => {
    expect(toJavaString(new JavaList([1, 'b', null, new JavaDouble(2)]), unlimitedMeter())).toBe('[1, b, null, 2.0]');
    const m = new JavaMap();
    m.set('self', m);
    expect(toJavaString(m, unlimitedMeter())).toBe('{self=(this Map)}');
  });
});
