/**
 * Facts about json-smart 2.2 in permissive mode (how API Gateway reads bodies), each confirmed against the
 * real parser. A case is the body and what `$input.json('$')` printed, or the ParseException message
 * API Gateway shows after `Could not process payload`.
 */
import { describe, expect, it } from 'vitest';
import { renderTemplate, VtlBodyError, VtlLimitError, VtlRuntimeError } from '../../src/index.js';
import { parseJsonPermissive } from '../../src/java/json-parse.js';
import { toJsonText } from '../../src/java/json-write.js';
import { unlimitedMeter } from '../../src/java/meter.js';

const json = (body: string) => toJsonText(parseJsonPermissive(body), unlimitedMeter());

function parseError(body: string): string {
  try {
    renderTemplate("$input.path('$')", { body });
  } catch (e) {
    if (e instanceof VtlBodyError) return e.parserMessage;
    throw e;
  }
  throw new Error(`${JSON.stringify(body)} parsed`);
}

const cases = (table: [string, string][]) => table.map(([body, out]) => ({ body, out }));

describe('json-smart 2.2 permissive: what starts a value', () => {
  it.each(cases([
    ['{"a": , "b": 1}', '{"a":"","b":1}'],
    ['{"a":,}', '{"a":""}'],
    ['["x"y]', '["x","y"]'],
    ['[1 2]', '["1 2"]'],
    ['[\f1]', '["1"]'],
    ['{"a":\fnull}', '{"a":"null"}'],
    ['[\f]', '[""]'],
    ['["a"\f]', '["a",""]'],
    [' ', '""'],
  ]))('a value missing or led by a character other than space, tab, CR, LF is unquoted text: $body', ({ body, out }) => {
    expect(json(body)).toBe(out);
  });

  it.each(cases([
    ['{"a":: "x"}', 'Unexpected character (:) at position 5.'],
    ['{"a":]}', 'Unexpected character (]) at position 5.'],
    ['{"a":}', 'Unexpected character (}) at position 5.'],
    ['{"a":1,"b":}', 'Unexpected character (}) at position 11.'],
    ['[}]', 'Unexpected character (}) at position 1.'],
    ['[:]', 'Unexpected character (:) at position 1.'],
    ['[{]', 'Unexpected character (]) at position 2.'],
    ['["a"}', 'Unexpected character (}) at position 4.'],
    ['{]', 'Unexpected character (]) at position 1.'],
    ['{:1}', 'Unexpected character (:) at position 1.'],
    ['{[:1}', 'Unexpected character ([) at position 1.'],
    ['{{:1}', 'Unexpected character ({) at position 1.'],
  ]))('a value (or key) cannot start with a closing bracket or a colon: $body', ({ body, out }) => {
    expect(parseError(body)).toBe(out);
  });
});

describe('json-smart 2.2 permissive: where unquoted text ends', () => {
  it.each(cases([
    ['{"a":b c}', '{"a":"b c"}'],
    ['{"a":b\nc}', '{"a":"b\\nc"}'],
    ['{"a":b:c}', '{"a":"b:c"}'],
    ['{"a":b]c}', '{"a":"b]c"}'],
    ['[a}b]', '["a}b"]'],
    ['[a:b]', '["a:b"]'],
    ['{a b:1}', '{"a b":1}'],
    ['{a,b:1}', '{"a,b":1}'],
    ['{a}b:1}', '{"a}b":1}'],
    ['{a"b":1}', '{"a\\"b\\"":1}'],
    ['{\f"a":1}', '{"\\"a\\"":1}'],
    ['a,b', '"a,b"'],
    ['a]b', '"a]b"'],
  ]))('values stop at `,` and their closing bracket, keys at `:`, the top level only at the end: $body', ({ body, out }) => {
    expect(json(body)).toBe(out);
  });

  it.each(cases([
    ['[1~]', '[1,"~"]'],
    ['[1.5~]', '[1.5,"~"]'],
    ['[1\u007f]', '[1,"\\u007F"]'],
    ['[1é]', '[1,"é"]'],
    ['[1e5~]', '[100000.0,"~"]'],
  ]))('a number ends at any character from U+007E up: $body', ({ body, out }) => {
    expect(json(body)).toBe(out);
  });

  it('a number followed by U+00A0 in an object is an unexpected token one position early', () => {
    expect(parseError('{"a":1\u00a0}')).toBe('Unexpected token \u00a0 at position 5.');
    expect(parseError('{"a":1~}')).toBe('Unexpected token ~ at position 5.');
  });

  it.each(cases([
    ['[1}]', '["1}"]'],
    ['{"a":1 2}', '{"a":"1 2"}'],
    ['{"a":- 1}', '{"a":"- 1"}'],
    ['[1.5 x]', '["1.5 x"]'],
    ['[1e5x]', '["1e5x"]'],
    ['[1.5.3]', '["1.5.3"]'],
  ]))('a number followed by other text is unquoted text up to the stop: $body', ({ body, out }) => {
    expect(json(body)).toBe(out);
  });
});

describe('json-smart 2.2 permissive: punctuation', () => {
  it.each(cases([
    ['[1,,2]', '[1,2]'],
    ['[,]', '[]'],
    ['[ , , ]', '[]'],
    ['{,}', '{}'],
    ['{,,"a":1,,}', '{"a":1}'],
    ['[[,],]', '[[]]'],
    ['{"a":1,"b":2,"a":3}', '{"a":3,"b":2}'],
    ['{"a":1}}', '{"a":1}'],
    ['[1]]', '[1]'],
    ['[1] [2]', '[1]'],
    ['{"a":"x"}garbage', '{"a":"x"}'],
    ['"abc" def', '"abc"'],
    ["{'a':'b'}", '{"a":"b"}'],
    ["{'':1}", '{"":1}'],
    ['{"a"\f:1}', '{"a":1}'],
    ['{"a":"b"\f}', '{"a":"b"}'],
  ]))('extra commas vanish, duplicate keys keep the first position and last value, trailing data is ignored: $body', ({ body, out }) => {
    expect(json(body)).toBe(out);
  });

  it.each(cases([
    ['{"a":"x" y}', 'Unexpected token y at position 8.'],
    ['{"a":"x"y}', 'Unexpected token y at position 7.'],
    ['{"a":{"b":1}]', 'Unexpected token ] at position 11.'],
    ['{"a":[]]}', 'Unexpected token ] at position 6.'],
    ['{"a" 1}', 'Unexpected character (1) at position 4.'],
    ['{"a"}', 'Unexpected character (}) at position 3.'],
    ['{"a",1}', 'Unexpected character (,) at position 3.'],
    ["{'a'b:1}", 'Unexpected character (b) at position 3.'],
  ]))('in an object, what should be `:` or `,` is reported one position before it: $body', ({ body, out }) => {
    expect(parseError(body)).toBe(out);
  });
});

describe('json-smart 2.2 permissive: truncated documents', () => {
  it.each(cases([
    ['{', 'Unexpected End Of File position 0: null'],
    ['{"a', 'Unexpected End Of File position 3: null'],
    ['{"a"', 'Unexpected End Of File position 3: null'],
    ['{"a":', 'Unexpected End Of File position 4: EOF'],
    ['{"a": ', 'Unexpected End Of File position 5: null'],
    ['{"a":"b"', 'Unexpected End Of File position 7: null'],
    ['{"a":"b"  ', 'Unexpected End Of File position 9: null'],
    ['{a', 'Unexpected End Of File position 1: null'],
    ['{a}', 'Unexpected End Of File position 2: null'],
    ['{a:', 'Unexpected End Of File position 2: EOF'],
    ['{a:1', 'Unexpected End Of File position 3: null'],
    ['{\f}', 'Unexpected End Of File position 2: null'],
    ['{"a":{"b":1}', 'Unexpected End Of File position 11: null'],
    ['{"a":{"b":1]}', 'Unexpected End Of File position 12: null'],
    ['[', 'Unexpected End Of File position 0: EOF'],
    ['[1', 'Unexpected End Of File position 1: EOF'],
    ['[1,', 'Unexpected End Of File position 2: EOF'],
    ['[1, ', 'Unexpected End Of File position 3: EOF'],
    ['["a"', 'Unexpected End Of File position 3: EOF'],
    ['[[]', 'Unexpected End Of File position 2: EOF'],
    ['[1}', 'Unexpected End Of File position 2: EOF'],
    ['{"a":[1,2}', 'Unexpected End Of File position 9: EOF'],
    ['[{"a":1]', 'Unexpected End Of File position 7: null'],
  ]))('the end of input inside a container: $body', ({ body, out }) => {
    expect(parseError(body)).toBe(out);
  });

  it.each(cases([
    ['"abc', 'Unexpected End Of File position 4: null'],
    ["'abc", 'Unexpected End Of File position 4: null'],
    ['["a', 'Unexpected End Of File position 3: null'],
    ['"\\u00', 'Unexpected End Of File position 5: null'],
    ['"a\\"b', 'Unexpected End Of File position 4: null'],
    ['"\\"x', 'Unexpected End Of File position 3: null'],
    ['"\\"\\', 'Unexpected End Of File position 4: null'],
    ['"\\"\\u00', 'Unexpected End Of File position 7: EOF'],
  ]))('the end of input inside a string: $body', ({ body, out }) => {
    expect(parseError(body)).toBe(out);
  });

  it.each(cases([
    ['{"a":"\\u00"}', 'Unexpected unicode escape sequence " at position 10.'],
    ['"\\u12"', 'Unexpected unicode escape sequence " at position 5.'],
    ['"\\x4"', 'Unexpected unicode escape sequence " at position 4.'],
    ['"\\x4g"', 'Unexpected unicode escape sequence g at position 4.'],
  ]))('a bad hex digit in \\u or \\x is named with its position: $body', ({ body, out }) => {
    expect(parseError(body)).toBe(out);
  });
});

describe('json-smart 2.2 permissive: U+001A is its end-of-input marker', () => {
  it.each(cases([
    ['[1,\u001a2]', 'Unexpected End Of File position 2: EOF'],
    ['[\u001a]', 'Unexpected End Of File position 0: EOF'],
    ['{"a":1\u001a}', 'Unexpected End Of File position 5: null'],
    ['"a\\n\u001ab"', 'Unexpected End Of File position 3: null'],
    ['"\\"\\u0\u001a0"', 'Unexpected End Of File position 6: EOF'],
  ]))('a raw U+001A where the parser looks for the end ends the input: $body', ({ body, out }) => {
    expect(parseError(body)).toBe(out);
  });

  it('ends top-level text, but not a string without escapes', () => {
    expect(json('a\u001ab')).toBe('"a"');
    expect(json('"a\u001ab"')).toBe('"a\\u001Ab"');
  });
});

describe('json-smart 2.2 permissive: numbers and literals', () => {
  it.each(cases([
    ['[-]', '[0]'],
    ['[- ]', '[0]'],
    ['[1.]', '[1.0]'],
    ['[-.5]', '[-0.5]'],
    ['-.5', '-0.5'],
    ['[1.e5]', '[100000.0]'],
    ['[01]', '[1]'],
    ['[00.5]', '[0.5]'],
    ['[-0]', '[0]'],
    ['[-0.0]', '[-0.0]'],
    ['[0e0]', '[0.0]'],
    ['[1e]', '["1e"]'],
    ['[1.e]', '["1.e"]'],
    ['[1e-+5]', '["1e-+5"]'],
    ['[-x]', '["-x"]'],
    ['[--1]', '["--1"]'],
    ['.5', '".5"'],
    ['[0x10]', '["0x10"]'],
    ['[+1]', '["+1"]'],
    ['[2147483648]', '[2147483648]'],
    ['[9223372036854775808]', '[9223372036854775808]'],
    ['[-.50000000000000000000]', '[-0.50000000000000000000]'],
    ['[12345678901234567890.5]', '[12345678901234567890.5]'],
    ['[NaN]', '[NaN]'],
    ['[NaN ]', '[NaN]'],
    ['[Infinity]', '["Infinity"]'],
    ['[-Infinity]', '["-Infinity"]'],
    ['[-NaN]', '["-NaN"]'],
    ['[true,false,null]', '[true,false,null]'],
    ['[TRUE]', '["TRUE"]'],
    ['[tru]', '["tru"]'],
    ['[true x]', '["true x"]'],
    ['[true\f]', '[true]'],
    ['true garbage', '"true garbage"'],
  ]))('numbers by shape, keywords by exact text: $body', ({ body, out }) => {
    expect(json(body)).toBe(out);
  });

  it.each([
    ['1e+', 'java.lang.NumberFormatException: For input string: "1e+"'],
    ['[1.5e+]', 'java.lang.NumberFormatException: For input string: "1.5e+"'],
    ['[-.]', 'java.lang.NumberFormatException: For input string: "-."'],
    ['[-e5]', 'java.lang.NumberFormatException: For input string: "-e5"'],
    ['[1111111111111111111e+]', 'java.lang.NumberFormatException'],
  ])('a number shape Java cannot parse throws NumberFormatException, not ParseException: %s', (body, message) => {
    let error: unknown;
    try {
      renderTemplate("$input.json('$')", { body });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(VtlRuntimeError);
    expect(error).not.toBeInstanceOf(VtlBodyError);
    expect((error as VtlRuntimeError).reason).toContain(message);
  });
});

describe('json-smart 2.2 permissive: nesting', () => {
  const arrays = (n: number) => '['.repeat(n) + ']'.repeat(n);
  const objects = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);

  it('reads 2000 levels (json-smart itself recurses until the stack overflows)', () => {
    expect(renderTemplate("$input.json('$').length()", { body: arrays(2000) }).body).toBe('4000');
    expect(renderTemplate("$input.path('$').size()", { body: objects(2000) }).body).toBe('1');
    expect(renderTemplate("$input.path('$').size()", { body: arrays(2000) + ' x' }).body).toBe('1');
  });

  it.each([
    ["$input.json('$')", arrays(2001)],
    ["$input.json('$')", objects(2001)],
    ["$input.path('$')", arrays(2001)],
    ["$input.path('$')", objects(2001)],
    ["$input.json('$.a')", objects(5000)],
    ["$util.parseJson($input.body)", arrays(2001)],
    ["$input.json('$')", '[' + arrays(2001)],
  ])('deeper than our limit is a depth limit, never invalid JSON: %s', (template, body) => {
    let error: unknown;
    try {
      renderTemplate(template, { body });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(VtlLimitError);
    expect((error as VtlLimitError).limit).toBe('depth');
  });
});
