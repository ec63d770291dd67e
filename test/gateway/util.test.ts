import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeJavaScript } from '../../src/gateway/util/escape-javascript.js';
import { urlDecode, urlEncode } from '../../src/gateway/util/url.js';
import { base64Decode, base64Encode } from '../../src/gateway/util/base64.js';
import { render, renderError } from '../helpers.js';

describe('$util.escapeJavaScript (Commons Lang 2 rules)', () => {
  it.each([
    ["it's", "it\\'s"],
    ['say "hi"', 'say \\"hi\\"'],
    ['a/b', 'a\\/b'],
    ['back\\slash', 'back\\\\slash'],
    ['\b\f\n\r\t', '\\b\\f\\n\\r\\t'],
    ['\u0001\u001f', '\\u0001\\u001F'],
    ['\u007f', '\u007f'],
    ['é', '\\u00E9'],
    ['€\u2028', '\\u20AC\\u2028'],
    ['😀', '\\uD83D\\uDE00'],
    ['<b>&amp;</b>', '<b>&amp;<\\/b>'],
  ])('escapes %j as %j', (input, output) => {
    expect(escapeJavaScript(input)).toBe(output);
  });

  it("is valid JavaScript string content that reads back as the input (the \\' is not valid JSON)", () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const escaped = escapeJavaScript(s);
        expect(JSON.parse(`"${escaped.replace(/\\'/g, "'").replace(/\\\//g, '/')}"`)).toBe(s);
      }),
    );
  });

  it('is reachable from templates, and a null argument renders empty', () => {
    expect(render('$util.escapeJavaScript("it\'s")|[$util.escapeJavaScript($missing)]|[$util.escapeJavaScript(1)]')).toBe("it\\'s|[]|[]");
  });
});

describe('$util.urlEncode / urlDecode (java.net.URLEncoder, UTF-8)', () => {
  it.each([
    ['a b', 'a+b'],
    ['*-._~', '*-._%7E'],
    ["!'()", '%21%27%28%29'],
    ['a+b=c&d', 'a%2Bb%3Dc%26d'],
    ['/?#', '%2F%3F%23'],
    ['é', '%C3%A9'],
    ['😀', '%F0%9F%98%80'],
    ['{"some": "value"}', '%7B%22some%22%3A+%22value%22%7D'],
    ['\ud800x', '%3Fx'],
  ])('encodes %j as %j', (input, output) => {
    expect(urlEncode(input)).toBe(output);
  });

  it('decodes + as space and %XX as UTF-8, malformed sequences as U+FFFD', () => {
    expect(urlDecode('a+b%2B')).toBe('a b+');
    expect(urlDecode('%7e%7E')).toBe('~~');
    expect(urlDecode('%C3%A9%F0%9F%98%80')).toBe('é😀');
    expect(urlDecode('%C3')).toBe('\ufffd');
  });

  it('throws on a malformed % escape, failing the render', () => {
    expect(() => urlDecode('100%')).toThrow(/Incomplete trailing escape/);
    expect(() => urlDecode('%zz')).toThrow(/Illegal hex characters/);
    expect(renderError("$util.urlDecode('%2')").name).toBe('VtlRuntimeError');
  });

  it("keeps a leading byte order mark, as Java's UTF-8 decoder does", () => {
    expect(base64Decode('77u/YQ==')).toBe('\uFEFFa');
    expect(render('$util.base64Decode("77u/YQ==").length()')).toBe('2');
  });

  it('round-trips any well-formed text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(urlDecode(urlEncode(s))).toBe(s);
      }),
    );
  });
});

describe('$util.base64Encode / base64Decode', () => {
  it('encodes the UTF-8 bytes with the standard alphabet (recorded on AWS)', () => {
    expect(base64Encode('{"foo": "bar1"}')).toBe('eyJmb28iOiAiYmFyMSJ9');
    expect(render('$util.base64Encode($input.json(\'$.Data\'))', { body: '{"Data": "some data"}' })).toBe('InNvbWUgZGF0YSI=');
  });

  it('decodes strictly, like java.util.Base64', () => {
    expect(base64Decode('eyJmb28iOiAiYmFyMSJ9')).toBe('{"foo": "bar1"}');
    expect(base64Decode('YQ')).toBe('a');
    expect(() => base64Decode('not base64!')).toThrow(/Illegal base64 character 20/);
    expect(() => base64Decode('YQ=a')).toThrow(IllegalEnding());
  });

  it('round-trips any well-formed text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(base64Decode(base64Encode(s))).toBe(s);
      }),
    );
  });
});

function IllegalEnding(): RegExp {
  return /incorrect ending|Illegal/;
}

describe('$util.parseJson', () => {
  it('returns the same value model as $input.path', () => {
    expect(render('#set($o = $util.parseJson(\'{"key1":"var1","key2":{"arr":[1,2,3]}}\'))$o.key2.arr[0] $o $o.key2.arr')).toBe(
      '1 {key1=var1, key2={arr=[1,2,3]}} [1,2,3]',
    );
  });

  it('fails the render on malformed JSON', () => {
    expect(renderError("$util.parseJson('{a')").message).toMatch(/Unexpected End Of File/);
  });
});
