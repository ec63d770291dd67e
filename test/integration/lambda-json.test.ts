import { describe, expect, it } from 'vitest';
import { LambdaPayloadError, parseLambdaPayload } from '../../src/integration/lambda-json.js';

function message(text: string): string {
  try {
    parseLambdaPayload(text);
  } catch (e) {
    return (e as LambdaPayloadError).jacksonMessage.split('\n')[0]!;
  }
  throw new Error('expected a failure');
}

describe('the Lambda payload check (strict JSON, Jackson-worded errors)', () => {
  it('accepts strict JSON of any kind and returns ordinary values', () => {
    expect(parseLambdaPayload('{"a": [1, 2.5e3, true, null, "x\\u0041"]}')).toEqual({ a: [1, 2500, true, null, 'xA'] });
    expect(parseLambdaPayload(' "text" ')).toBe('text');
    expect(parseLambdaPayload('  ')).toEqual({});
    const obj = parseLambdaPayload('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    expect(Object.hasOwn(obj, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each([
    ['{"a": "it\\\'s"}', "Unrecognized character escape ''' (code 39)"],
    ['{a: 1}', "Unexpected character ('a' (code 97)): was expecting double-quote to start field name"],
    ["{'a': 1}", "Unexpected character (''' (code 39)): was expecting double-quote to start field name"],
    ['{"a" 1}', "Unexpected character ('1' (code 49)): was expecting a colon to separate field name and value"],
    ['{"a": 1,}', "Unexpected character ('}' (code 125)): was expecting double-quote to start field name"],
    ['[1 2]', "Unexpected character ('2' (code 50)): was expecting comma to separate Array entries"],
    ['hello', "Unrecognized token 'hello': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"],
    ['{"a": 1', 'Unexpected end-of-input: expected close marker for Object (start marker at line: 1, column: 1)'],
    ['{"a": "x\ny"}', 'Illegal unquoted character ((CTRL-CHAR, code 10)): has to be escaped using backslash to be included in string value'],
    ['{} {}', "Unexpected character ('{' (code 123)): expected end-of-input after the JSON value"],
  ])('%j → %s', (text, expected) => {
    expect(message(text)).toBe(expected);
  });

  it('names the line and column', () => {
    expect(() => parseLambdaPayload('{\n  "a": tru\n}')).toThrow(/line: 2, column: 11\]$/);
  });
});
