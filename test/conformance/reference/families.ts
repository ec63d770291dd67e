/**
 * Families of generated cases for the reference stage, each aimed at one place where JavaScript and
 * the JDK differ unless we are careful: text codecs and trimming, json-smart's permissive grammar,
 * Jayway's JSONPath, and large bodies. Every family yields a template and a render input.
 */
import fc from 'fast-check';
import type { RenderInput } from '../../../src/index.js';
import { jsonBody, jsonText, renderInput } from '../../../src/testing/arbitraries/input.js';
import { templateArbitrary } from '../../../src/testing/arbitraries/template.js';

export interface Family {
  /** The corpus name the stage reports (`reference-<name>`). */
  corpus: string;
  arbitrary: fc.Arbitrary<[string, RenderInput]>;
  count: number;
}

/** Characters where the two platforms' text rules part: surrogates, BOM, NBSP, line separators, C0. */
const awkwardChar = fc.constantFrom(
  '\ud800', '\udfff', '\ud83d', '\ude00', '😀', '\ufeff', '\u00a0', '\u2028', '\u2029', '\u0000', '\u0001', '\u001f', '\u001a',
  '\u007f', '\u0085', ' ', '\t', '\n', '\r', 'é', 'ß', 'İ', 'ﬁ', 'a', 'Z', '"', "'", '\\', '/', '%', '+', '=',
);
const awkwardString = fc.array(awkwardChar, { maxLength: 8 }).map((cs) => cs.join(''));

/** Templates over `$s` (the body's `s`), each through one Java text operation. */
const textOperation = fc.constantFrom(
  '$util.base64Encode($s)',
  '$util.urlEncode($s)',
  '$util.escapeJavaScript($s)',
  '$util.base64Decode($util.base64Encode($s)).length()',
  '$util.urlDecode($util.urlEncode($s)).length()',
  '$s.trim().length()',
  '$s.strip().length()',
  '$s.isBlank()',
  '$s.toUpperCase()',
  '$s.toLowerCase().length()',
  '$s.length()',
  '$s.hashCode()',
  "$s.replaceAll('\\s', '_')",
  "$s.split('\\s+').size()",
  "$input.json('$.s')",
  '$util.parseJson("""$s""")',
);

const codecs: fc.Arbitrary<[string, RenderInput]> = fc
  .tuple(awkwardString, textOperation)
  .map(([s, op]) => [`#set($s = $input.path('$.s'))${op}`, { body: JSON.stringify({ s }) }]);

/** Base64 of arbitrary bytes, most of them not UTF-8: how Java decodes malformed sequences. */
const bytesBase64 = fc.uint8Array({ maxLength: 12 }).map((bytes) => btoa(String.fromCharCode(...bytes)));
const decoded: fc.Arbitrary<[string, RenderInput]> = bytesBase64.map((b64) => [
  `#set($d = $util.base64Decode($input.path('$.b')))$d.length():#foreach($c in $d.toCharArray())$c.hashCode(),#end`,
  { body: JSON.stringify({ b: b64 }) },
]);

/** Valid JSON text mutated the way broken clients break it. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('double' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), char: fc.constantFrom(',', ':', ']', '}', '[', '{', '"', "'", ' ', '\u00a0', '\u0001', 'x', '-', '.', 'e') }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('unquote' as const), at: fc.nat() }),
);

function mutate(text: string, m: { kind: string; at: number; char?: string }): string {
  const at = text.length === 0 ? 0 : m.at % text.length;
  switch (m.kind) {
    case 'double':
      return text.slice(0, at + 1) + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + 1);
    case 'insert':
      return text.slice(0, at) + m.char + text.slice(at);
    case 'truncate':
      return text.slice(0, at);
    default: {
      // Drop the quotes of the string that starts at or after `at`.
      const open = text.indexOf('"', at);
      const close = open < 0 ? -1 : text.indexOf('"', open + 1);
      return open < 0 || close < 0 ? text : text.slice(0, open) + text.slice(open + 1, close) + text.slice(close + 1);
    }
  }
}

const jsonTemplate = fc.constantFrom("$input.json('$')", "$input.path('$')", "$input.path('$.s')|$input.json('$.n')", "$input.json('$.items[0]')", "#set($r = $input.path('$'))$r.size()");
const mutatedJson: fc.Arbitrary<[string, RenderInput]> = fc
  .tuple(fc.oneof(jsonBody, jsonText), fc.array(mutation, { minLength: 1, maxLength: 2 }), jsonTemplate)
  .map(([text, mutations, template]) => [template, { body: mutations.reduce((t, m) => mutate(t, m), text) }]);

/** Documents with nulls, numbers written as strings and missing fields. */
const item = fc.record(
  {
    id: fc.oneof(fc.integer({ min: -3, max: 12 }), fc.constantFrom('3', '8.95', 'x', null)),
    price: fc.oneof(fc.double({ min: -10, max: 50, noNaN: true }).map((d) => Math.round(d * 100) / 100), fc.constantFrom('8.95', null, true)),
    name: fc.oneof(fc.constantFrom('Rex', 'rex', 'Tom', '', 'a.b', null), awkwardString),
    tags: fc.oneof(fc.constant([] as string[]), fc.constant(['a']), fc.constant(['a', 'b'])),
    nested: fc.oneof(fc.constant(null), fc.record({ x: fc.oneof(fc.integer({ max: 5 }), fc.constant(null)) })),
  },
  { requiredKeys: [] },
);
const document = fc.record({ items: fc.array(item, { maxLength: 6 }), name: fc.constantFrom('store', null), count: fc.integer({ min: 0, max: 9 }) }, { requiredKeys: [] });

const property = fc.constantFrom('id', 'price', 'name', 'tags', 'nested', 'x', 'missing');
const literal = fc.constantFrom('1', '5', '8.95', "'8.95'", "'Rex'", 'true', 'null', "'a'", '-1');
const filter = fc.oneof(
  fc.tuple(property, fc.constantFrom('==', '!=', '<', '<=', '>', '>='), literal).map(([p, op, lit]) => `@.${p} ${op} ${lit}`),
  property.map((p) => `@.${p}`),
  property.map((p) => `!@.${p}`),
  fc.tuple(property, fc.constantFrom('/R.*/', '/r.*/i', '/.*x/')).map(([p, re]) => `@.${p} =~ ${re}`),
  fc.tuple(property, property).map(([a, b]) => `@.${a} && @.${b}`),
  fc.tuple(property, literal, property).map(([a, lit, b]) => `@.${a} == ${lit} || @.${b}`),
);
const segment = fc.oneof(
  property.map((p) => `.${p}`),
  property.map((p) => `['${p}']`),
  fc.constantFrom('[0]', '[1]', '[-1]', '[*]', '.*', '[0:2]', '[-2:]', '[:1]', '[0,1]', '[(@.length-1)]', "['id','name']"),
  property.map((p) => `..${p}`),
  filter.map((f) => `[?(${f})]`),
);
const jsonPath = fc.array(segment, { minLength: 1, maxLength: 3 }).map((segments) => `$.items${segments.join('')}`);
const jsonPaths: fc.Arbitrary<[string, RenderInput]> = fc
  .tuple(document, fc.oneof(jsonPath, fc.constantFrom('$..id', '$..[0]', '$.*', '$..nested.x', '$.name', '$.count')), fc.constantFrom('json', 'path'))
  .map(([doc, path, read]) => [`$input.${read}('${path.replaceAll("'", "''")}')`, { body: JSON.stringify(doc) }]);

/** Bodies of hundreds of objects, which the reference once could not parse. */
const largeBody: fc.Arbitrary<[string, RenderInput]> = fc
  .tuple(fc.integer({ min: 300, max: 2000 }), fc.integer({ min: 0, max: 1000 }), fc.constantFrom("$input.json('$.items[?(@.n > 500)]').length()", "$input.path('$.items').size()", "#foreach($i in $input.path('$.items'))$i.n#end", "$input.json('$').length()", "$input.path('$.items[-1:]')"))
  .map(([n, seed, template]) => [template, { body: JSON.stringify({ items: Array.from({ length: n }, (_, i) => ({ n: (i * 7919 + seed) % 1000, s: `item ${i}`, f: i / 8 })) }) }]);

/** The families, with their default case counts (about 5,000 in all). */
export function families(scale = 1): Family[] {
  const count = (n: number) => Math.max(1, Math.round(n * scale));
  return [
    { corpus: 'reference', arbitrary: fc.tuple(templateArbitrary, renderInput), count: count(2000) },
    { corpus: 'reference-codecs', arbitrary: fc.oneof(codecs, decoded), count: count(1200) },
    { corpus: 'reference-json', arbitrary: mutatedJson, count: count(1000) },
    { corpus: 'reference-jsonpath', arbitrary: jsonPaths, count: count(1000) },
    { corpus: 'reference-large', arbitrary: largeBody, count: count(100) },
  ];
}
