/**
 * Facts about how the JDK turns text into bytes and back and what `String.trim()` strips, each answered
 * by JDK 17 with the libraries API Gateway uses (json-smart 2.2, Jayway 2.0.0).
 */
import { describe, expect, it } from 'vitest';
import { renderInputFromProxyEvent } from '../../src/gateway/proxy-event.js';
import { payloadBytes, payloadOf, payloadText, textPayload } from '../../src/integration/payload.js';
import { render, renderError, renderWithBody } from '../helpers.js';

/** Prints the UTF-16 units of `$s` as Java's `char.hashCode()`. */
const UNITS = '#foreach($c in $s.toCharArray())$c.hashCode() #end';

describe('String.getBytes(UTF_8) writes an unpaired surrogate as ?', () => {
  it('$util.base64Encode encodes a lone high or low surrogate as 0x3F', () => {
    expect(render('$util.base64Encode("a\uD800b\uDC00c\uD83D\uDE00\uDBFF")')).toBe('YT9iP2Pwn5iAPw==');
    expect(render('$util.base64Encode("\uDC00\uD800")')).toBe('Pz8=');
  });

  it('$util.urlEncode encodes a lone surrogate as %3F', () => {
    expect(render('$util.urlEncode("\uDC00\uD800x\uD83D\uDE00")')).toBe('%3F%3Fx%F0%9F%98%80');
  });

  it('a lone surrogate does not survive base64Encode then base64Decode: it comes back as ?', () => {
    expect(render(`#set($s = $util.base64Decode($util.base64Encode("\uD800")))${UNITS}`)).toBe('63 ');
  });

  it('a text payload becomes binary through the same encoder', () => {
    expect(Array.from(payloadBytes(textPayload('a\uD800')))).toEqual([0x61, 0x3f]);
    const binary = payloadOf('\uDC00', true);
    expect(binary.binary && Array.from(binary.bytes)).toEqual([0x3f]);
  });
});

describe('new String(bytes, UTF_8) replaces malformed input as the JDK splits it', () => {
  it('$util.base64Decode reads an encoded surrogate (ED A0 80) as one U+FFFD', () => {
    expect(render(`#set($s = $util.base64Decode("7aCA"))$s.length():${UNITS}`)).toBe('1:65533 ');
  });

  it('$util.base64Decode reads the 4-byte sequence for U+10FFFF, and one above it as four U+FFFD', () => {
    expect(render(`#set($s = $util.base64Decode("9I+/v/SQgIA="))${UNITS}`)).toBe('56319 57343 65533 65533 65533 65533 ');
  });

  it('$util.base64Decode keeps a leading byte order mark', () => {
    expect(render(`#set($s = $util.base64Decode("77u/QQ=="))${UNITS}`)).toBe('65279 65 ');
  });

  it('$util.urlDecode reads each run of escapes with the same decoder', () => {
    expect(render(`#set($s = $util.urlDecode("%ED%A0%80x%F0%90%80+%E0%80%80"))${UNITS}`)).toBe('65533 120 65533 32 65533 65533 65533 ');
    expect(render(`#set($s = $util.urlDecode("a%ED%A0b%C2"))${UNITS}`)).toBe('97 65533 98 65533 ');
  });

  it('binary payloads read as text, and base64 proxy-event bodies, use the same decoder', () => {
    expect(payloadText(payloadOf(Uint8Array.of(0xed, 0xa0, 0x80, 0xf0, 0x90), true))).toBe('\uFFFD\uFFFD');
    expect(renderInputFromProxyEvent({ body: '7aCA', isBase64Encoded: true }).body).toBe('\uFFFD');
  });
});

describe('String.trim() strips chars up to U+0020 and nothing else', () => {
  it('json-smart keeps U+00A0 around an unquoted value, so it is text', () => {
    expect(renderWithBody('[$util.parseJson($input.body).a]|$input.json("$.a")', '{"a": \u00A0 1 }')).toBe('[\u00A0 1]|"\u00A0 1"');
  });

  it('json-smart keeps U+2028 and U+FEFF around unquoted values and keys', () => {
    expect(renderWithBody('$input.json("$.a")', '{"a":\uFEFFtrue}')).toBe('"\uFEFFtrue"');
    expect(renderWithBody('#set($m = $util.parseJson($input.body))#foreach($k in $m.keySet())#set($s = $k)' + UNITS + '#end', '{\u2028k\u2028:1}')).toBe(
      '8232 107 8232 ',
    );
    expect(renderWithBody('#set($s = $util.parseJson($input.body))' + UNITS, '\u2028x\u2028')).toBe('8232 120 8232 ');
  });

  it('json-smart strips C0 controls around unquoted keys and text values', () => {
    expect(renderWithBody('#set($m = $util.parseJson($input.body))$m.a|$m.b', '{\u0001a\u0002:1,b:\u0001x\u001f}')).toBe('1|x');
  });

  it('Double.parseDouble strips C0 controls but not U+00A0', () => {
    expect(render('#set($d = 1.5)$d.parseDouble("\u0001 2.5\u001f")')).toBe('2.5');
    expect(renderError('#set($d = 1.5)$d.parseDouble("\u00A02.5")').message).toContain('NumberFormatException');
  });

  it('Boolean.parseBoolean does not trim at all', () => {
    expect(render('#set($b = false)$b.parseBoolean(" true")|$b.parseBoolean("tRuE")')).toBe('false|true');
  });

  it('Jayway trims the path and filter parts with String.trim', () => {
    const body = '{"a":{"b":[1,2,3]}}';
    expect(renderWithBody('$input.json("\u0001$.a.b\u0001")|[$input.json("\u00A0$.a.b")]', body)).toBe('[1,2,3]|[""]');
    expect(renderWithBody('$input.json("$.a.b[?(@\u0001>\u00011)]")', body)).toBe('[2,3]');
    expect(renderError('$input.json("$.a.b[?(@\u00A0>\u00A01)]")', { body }).message).toContain('InvalidPathException');
  });
});
