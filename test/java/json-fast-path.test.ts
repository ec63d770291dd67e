import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../src/index.js';
import { canonicalJson } from '../../src/java/json-canonical.js';
import { parseJsonBody, parseJsonPermissive, parseJsonPermissiveSlow } from '../../src/java/json-parse.js';
import { toJsonText } from '../../src/java/json-write.js';
import { NOT_STRICT, parseStrictJson } from '../../src/java/json-strict-fast.js';
import { JavaList, JavaMap, type Value } from '../../src/java/values.js';
import { jsonText } from '../../src/testing/arbitraries/input.js';
import { escapingString } from '../../src/testing/arbitraries/strings.js';
import { unlimitedMeter } from '../../src/java/meter.js';

/** A value with every Java class spelled out, so two parses compare exactly. */
function shape(v: Value): unknown {
  if (v instanceof JavaMap) return { map: v.flavour, entries: v.entries().map((e) => [shape(e.key), shape(e.value)]) };
  if (v instanceof JavaList) return { list: v.flavour, items: v.items.map(shape) };
  if (v !== null && typeof v === 'object') return { [v.constructor.name]: String((v as { value?: unknown }).value ?? JSON.stringify(v)) };
  return v;
}

function outcome(parse: (t: string) => Value, text: string): unknown {
  try {
    return shape(parse(text));
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
}

const texts = fc.oneof(
  jsonText,
  fc.tuple(jsonText, fc.constantFrom(' ', '\n', 'x', ',', '}', ' trailing', '\u007f', '\u0001')).map(([t, extra]) => t + extra),
  fc.tuple(jsonText, fc.nat(), fc.constantFrom('\\"', '\\u0041', '\\x41', '\u007f', '\u0001', ' ', "'", '\\q', '01', '1.', '-', 'NaN', '//', ',')).map(([t, at, insert]) => {
    const i = at % (t.length + 1);
    return t.slice(0, i) + insert + t.slice(i);
  }),
  escapingString.map((s) => JSON.stringify({ s, a: [s, 1.5, -0, 10.50] })),
);

describe('the strict-JSON fast path of body parsing', () => {
  it('gives exactly what json-smart\'s permissive parser gives, for JSON and near-JSON alike', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(outcome(parseJsonPermissive, text)).toEqual(outcome(parseJsonPermissiveSlow, text));
      }),
      { numRuns: 3000 },
    );
  });

  it('takes typical bodies, and leaves what json-smart reads peculiarly to the full parser', () => {
    expect(parseStrictJson('{"a": [1, 2.5, "x\\"y", true, null], "b": {"c": -3e2}}')).not.toBe(NOT_STRICT);
    for (const text of ['"top"', '42', '{"a":1} trailing', '{"a":"x\\"\u007f"}', "{'a':1}", '{"a":1,}', '{"a":01}', '[1 2]', '']) {
      expect(parseStrictJson(text)).toBe(NOT_STRICT);
    }
  });
});

describe('the JSON of a strict body, written straight from its text', () => {
  it('equals the JSON of the parsed value whenever it gives one', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const written = canonicalJson(text);
        let parsed;
        try {
          parsed = parseJsonBody(text);
        } catch {
          expect(written).toBeUndefined();
          return;
        }
        if (written !== undefined) expect(written).toBe(toJsonText(parsed.value, unlimitedMeter()));
      }),
      { numRuns: 3000 },
    );
  });

  it('takes typical bodies: quotes, escapes, tabs, prices, unicode, repeated keys', () => {
    const body = '{"name": "say \\"hi\\"\\t/ \\u00e9 ü \\u2028", "price": 968.37, "qty": 3, "tags": ["a", "b"], "n": null, "ok": true, "name": "again"}';
    expect(canonicalJson(body)).toBe(toJsonText(parseJsonPermissive(body), unlimitedMeter()));
    for (const ruledOut of ['{"1": 2}', '{"a": 1.0}', '{"a": 1e3}', '{"a": 0.0001}', '{"a": 12345678901234567}', '{"a": "\\u001f"}', '{"a": "\u007f"}', '"top"']) {
      expect(canonicalJson(ruledOut)).toBeUndefined();
    }
  });

  it('is what $input.json(\'$\') prints, until the template changes the document', () => {
    const body = '{ "a" : [1, 2.50, -0, 1e3, 12345678901234567890], "s": "x\\/y \\u00e9 \\u2028", "t": true }';
    expect(renderTemplate("$input.json('$')", { body }).body).toBe('{"a":[1,2.5,0,1000.0,12345678901234567890],"s":"x\\/y é \\u2028","t":true}');
    expect(renderTemplate("#set($r = $input.path('$'))#set($x = $r.a.add(3))$input.json('$')", { body: '{"a": [1]}' }).body).toBe('{"a":[1,3]}');
    expect(renderTemplate("#set($r = $input.path('$'))#set($r.b = 2)$input.json('$')", { body: '{"a": 1}' }).body).toBe('{"a":1,"b":2}');
    expect(renderTemplate("$input.json('$')", { body: '{"a": 1, "a": 2}' }).body).toBe('{"a":2}');
  });
});
