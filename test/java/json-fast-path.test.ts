import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../src/index.js';
import { canonicalJson } from '../../src/java/json-canonical.js';
import { compactJson } from '../../src/java/json-compact.js';
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

/** Number tokens of every shape the digit-by-digit reading meets: integers, short and long decimals, -0. */
const numberToken = fc.oneof(
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)),
  fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.nat({ max: 20 })).map(([neg, digits, point]) => {
    const text = String(digits).padStart(point + 1, '0');
    const cut = text.length - point;
    return (neg ? '-' : '') + (point === 0 ? text : text.slice(0, cut) + '.' + text.slice(cut));
  }),
  fc.constantFrom('-0', '0', '-0.0', '0.5', '10.50', '9007199254740993.5', '0.1', '123456789', '1234567890', '00.5', '1.', '-'),
);

describe('the strict-JSON fast path of body parsing', () => {
  it('reads every number token to the class and the exact value json-smart gives (property)', () => {
    const classAndBits = (v: Value): unknown => {
      const first = (v as JavaList).items[0]!;
      return typeof first === 'object' && first !== null ? [first.constructor.name, Object.is((first as { value: unknown }).value, -0) ? '-0' : String((first as { value?: unknown }).value ?? JSON.stringify(first))] : first;
    };
    fc.assert(
      fc.property(numberToken, fc.constantFrom(']', ' ]', '\n]'), (token, end) => {
        const text = `[${token}${end}`;
        expect(outcome((t) => classAndBits(parseJsonPermissive(t)) as Value, text)).toEqual(outcome((t) => classAndBits(parseJsonPermissiveSlow(t)) as Value, text));
      }),
      { numRuns: 5000 },
    );
  });

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
    for (const ruledOut of ['{"a": 1.0}', '{"a": 1e3}', '{"a": 0.0001}', '{"a": 12345678901234567}', '{"a": "\u007f"}', '"top"', '{"a": "\\ud83d"}']) {
      expect(canonicalJson(ruledOut)).toBeUndefined();
    }
    // Written from the text although JSON.parse would reorder or re-spell them: digit keys, lower-case escapes.
    for (const text of ['{"b": 1, "1": 2}', '{"a": "\\u001f\\u00e9\\u0041"}', '[-0, 10.50, 0.1, 1.5e-1]']) {
      expect(compactJson(text)).toBe(toJsonText(parseJsonPermissive(text), unlimitedMeter()));
    }
  });

  it('the one-pass writer equals json-smart on bodies of every spelling: spacing, escapes, special characters, repeated keys (property)', () => {
    const unit = fc.constantFrom('a', 'Z', ' ', '/', '"', '\\', '\t', '\n', '\u0001', '\u007f', '\u0085', '\u00e9', '\u2028', '\u20ac', '\u2100', '\ud83d\ude00', '\ud83d', '\ufeff');
    const spelling = (c: string) =>
      fc.constantFrom('plain', 'escaped', 'upper').map((how) => {
        const code = c.charCodeAt(0);
        if (how === 'plain' && c.length === 1 && code >= 0x20 && c !== '"' && c !== '\\') return c;
        if (c === '"' || c === '\\') return '\\' + c;
        const hex = code.toString(16).padStart(4, '0');
        return c.length === 1 ? '\\u' + (how === 'upper' ? hex.toUpperCase() : hex) : c;
      });
    const jsonString = fc.oneof(fc.array(unit.chain(spelling), { maxLength: 6 }), fc.array(fc.oneof(fc.constant('x'), fc.constant('x'), unit.chain(spelling)), { minLength: 20, maxLength: 60 })).map((parts) => '"' + parts.join('') + '"');
    const space = fc.constantFrom('', ' ', '\n  ', '\t');
    const leaf = fc.oneof(jsonString, numberToken, fc.constantFrom('true', 'false', 'null'));
    const { tree } = fc.letrec<{ tree: string }>((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(fc.tuple(space, tie('tree'), space), { maxLength: 4 }).map((items) => '[' + items.map(([a, v, b]) => a + v + b).join(',') + ']'),
        fc
          .array(fc.tuple(fc.oneof(fc.constantFrom('"a"', '"b"', '"1"', '"\\u0061"'), jsonString), space, tie('tree')), { maxLength: 4 })
          .map((members) => '{' + members.map(([k, sp, v]) => k + sp + ':' + sp + v).join(',') + '}'),
      ),
    }));
    const body = fc.tuple(space, tree, space).filter(([, t]) => t.startsWith('{') || t.startsWith('[')).map(([a, t, b]) => a + t + b);
    let fromText = 0;
    fc.assert(
      fc.property(body, (text) => {
        const written = canonicalJson(text);
        let expected: string | undefined;
        try {
          expected = toJsonText(parseJsonPermissive(text), unlimitedMeter());
        } catch {
          expected = undefined;
        }
        if (written !== undefined) expect(written).toBe(expected);
        if (typeof compactJson(text) === 'string') fromText++;
      }),
      { numRuns: 3000 },
    );
    // The property must exercise the writer, not only its refusals.
    expect(fromText).toBeGreaterThan(600);
  });

  it('keeps a key spelled with escapes where it is, digits or not (LinkedHashMap order)', () => {
    for (const body of ['{"a":1,"\\u0031":2}', '{"a":1,"1\\u0030":2}', '{"a":1,"\\u0031":2,"a":3}']) {
      const expected = toJsonText(parseJsonPermissive(body), unlimitedMeter());
      expect(expected.startsWith('{"a":')).toBe(true);
      expect(renderTemplate("$input.json('$')", { body }).body).toBe(expected);
      const written = canonicalJson(body);
      if (written !== undefined) expect(written).toBe(expected);
    }
  });

  it('reads a string of many escapes in one pass (the closing quote is not searched again after each)', () => {
    const body = '{"a":"' + '\\n'.repeat(300_000) + 'x\\"y"}';
    const parsed = parseJsonPermissive(body) as JavaMap;
    expect((parsed.get('a') as string).length).toBe(300_003);
  });

  it('the one-pass writer takes typical bodies instead of handing them to the parser', () => {
    const body = JSON.stringify({ id: 1, name: 'a "b" / c', price: 968.37, tags: ['x', 'y'], nested: { k: [1, 2, { z: null }] } }, null, 2);
    expect(compactJson(body)).toBe(toJsonText(parseJsonPermissive(body), unlimitedMeter()));
  });

  it('is what $input.json(\'$\') prints, until the template changes the document', () => {
    const body = '{ "a" : [1, 2.50, -0, 1e3, 12345678901234567890], "s": "x\\/y \\u00e9 \\u2028", "t": true }';
    expect(renderTemplate("$input.json('$')", { body }).body).toBe('{"a":[1,2.5,0,1000.0,12345678901234567890],"s":"x\\/y é \\u2028","t":true}');
    expect(renderTemplate("#set($r = $input.path('$'))#set($x = $r.a.add(3))$input.json('$')", { body: '{"a": [1]}' }).body).toBe('{"a":[1,3]}');
    expect(renderTemplate("#set($r = $input.path('$'))#set($r.b = 2)$input.json('$')", { body: '{"a": 1}' }).body).toBe('{"a":1,"b":2}');
    expect(renderTemplate("$input.json('$')", { body: '{"a": 1, "a": 2}' }).body).toBe('{"a":2}');
  });
});
