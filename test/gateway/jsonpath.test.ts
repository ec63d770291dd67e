import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JavaException } from '../../src/java/exceptions.js';
import { parseJsonBody, parseJsonPermissive } from '../../src/java/json-parse.js';
import { toJsonText } from '../../src/java/json-write.js';
import { BudgetExceeded, Meter } from '../../src/java/meter.js';
import { JavaDepthError } from '../../src/java/nesting.js';
import { JavaList, JavaMap, type Value } from '../../src/java/values.js';
import { JsonPathCache, JsonPathSyntaxError, NOT_FOUND, parseJsonPath, readJsonPath } from '../../src/gateway/jsonpath/read.js';

const limits = { maxWork: 10_000_000, maxMemory: 256 * 1024 * 1024, maxStringLength: 10 * 1024 * 1024 };
const meter = () => new Meter(limits);

function read(document: Value, path: string, m = meter(), cache = new JsonPathCache()): Value | typeof NOT_FOUND {
  return readJsonPath(document, path, m, cache);
}

/** What `$input.json(path)` prints: the JSON of the value, `""` when nothing is found. */
function json(document: Value, path: string): string {
  const v = read(document, path);
  return v === NOT_FOUND || v === null ? '""' : toJsonText(v, meter());
}

function invalid(document: Value, path: string): string {
  try {
    read(document, path);
  } catch (e) {
    expect(e).toBeInstanceOf(JsonPathSyntaxError);
    return (e as Error).message;
  }
  throw new Error(`expected ${path} to be invalid`);
}

const doc = parseJsonPermissive(
  JSON.stringify({
    a: { b: 1 },
    arr: [{ x: 1 }, { y: 2 }, 3, [4, 5], { x: '1' }, { x: null }, { x: true }, { x: 'abc' }, { x: 'null' }],
    s: 'str',
    n: null,
    o: { p: { q: [1, 2] } },
  }),
);

const store = parseJsonPermissive(
  '{"store":{"book":[{"category":"ref","author":"N","price":8.95,"isbn":null},{"category":"fic","author":"E","price":12.99,"tags":["a","b"]},' +
    '{"category":"fic","author":"H","isbn":"0-553","price":"8.95"}],"bicycle":{"color":"red","price":19.95}},"arr":[1,2,3,4,5]}',
);

describe('path forms', () => {
  it('definite paths give the value itself, the very object of the document', () => {
    const a = (doc as JavaMap).get('a');
    expect(read(doc, '$.a')).toBe(a);
    expect(read(doc, "$['a']")).toBe(a);
    expect(read(doc, '$')).toBe(doc);
    expect(json(doc, '$.a.b')).toBe('1');
    expect(json(doc, '$.arr[0].x')).toBe('1');
    expect(json(doc, 'a.b')).toBe('1');
    expect(json(doc, '@.a')).toBe('{"b":1}');
  });

  it('a missing definite path is not found', () => {
    for (const p of ['$.missing', '$.a.b.c', '$.s.x', '$.n.x', '$.arr[10]', '$.arr[0].x.y', "$.arr['0']"]) expect(read(doc, p)).toBe(NOT_FOUND);
  });

  it('indefinite paths give a JSON list of the matches, in Jayway order', () => {
    const v = read(doc, '$.arr[*].x');
    expect(v).toBeInstanceOf(JavaList);
    expect((v as JavaList).flavour).toBe('json');
    expect(json(doc, '$.arr[*].x')).toBe('[1,"1",null,true,"abc","null"]');
    expect(json(doc, '$.a[*]')).toBe('[1]');
    expect(json(doc, '$.*')).toBe(json(doc, '$[*]'));
    expect(json(doc, '$..x')).toBe('[1,"1",null,true,"abc","null"]');
    expect(json(doc, '$.o..q')).toBe('[[1,2]]');
    expect(json(doc, '$..q[*]')).toBe('[1,2]');
    expect(json(doc, '$.arr[*][*]')).toBe('[1,2,4,5,"1",null,true,"abc","null"]');
  });

  it('deep scan with a wildcard visits each container, then its children, depth first', () => {
    const d = parseJsonPermissive('{"a":{"b":1},"l":[[2],{"c":3}]}');
    expect(json(d, '$..*')).toBe('[{"b":1},[[2],{"c":3}],1,[2],{"c":3},2,3]');
  });

  it('slices [a:b], [a:], [:b], and index lists [a,b]', () => {
    expect(json(store, '$.arr[1:3]')).toBe('[2,3]');
    expect(json(store, '$.arr[-2:]')).toBe('[4,5]');
    expect(json(store, '$.arr[:2]')).toBe('[1,2]');
    expect(json(store, '$.arr[:-1]')).toBe('[1,2,3,4]');
    expect(json(store, '$.arr[-20:]')).toBe('[1,2,3,4,5]');
    expect(json(store, '$.arr[:20]')).toBe('[1,2,3,4,5]');
    expect(json(store, '$.arr[10:]')).toBe('[]');
    expect(json(store, '$.arr[0,1]')).toBe('[1,2]');
    expect(json(store, '$.arr[2,0]')).toBe('[3,1]');
    expect(json(store, '$.arr[0,0]')).toBe('[1,1]');
  });

  it("several quoted names give a map of those present: ['a','b']", () => {
    expect(json(doc, "$['a','s']")).toBe('{"a":{"b":1},"s":"str"}');
    expect(json(doc, "$.arr[0]['x','y']")).toBe('{"x":1}');
    expect(json(doc, "$.arr[*]['x','y']")).toBe('[{"x":1},{"y":2},{"x":"1"},{"x":null},{"x":true},{"x":"abc"},{"x":"null"}]');
  });

  it('script expressions [(@.length-n)] and [(@.size()-n)] index from the end, as a definite path', () => {
    expect(json(store, '$.arr[(@.length-1)]')).toBe('5');
    expect(json(store, '$.arr[(@.length - 2)]')).toBe('4');
    expect(json(store, '$.arr[(@.size()-1)]')).toBe('5');
    expect(read(store, '$.arr[(@.length-9)]')).toBe(NOT_FOUND);
  });

  it('filters over arrays, with && and ||, regexes, root paths', () => {
    expect(json(store, '$.store.book[?(@.price < 10)]')).toBe('[{"category":"ref","author":"N","price":8.95,"isbn":null}]');
    // H's price is the string "8.95": against the literal 10 (a string too) it compares as text, "8.95" > "10".
    expect(json(store, "$.store.book[?(@.category == 'fic' && @.price > 10)].author")).toBe('["E","H"]');
    expect(json(store, "$.store.book[?(@.author == 'N' || @.author == 'H')].author")).toBe('["N","H"]');
    expect(json(store, '$.store.book[?(@.author =~ /[ne]/i)].author')).toBe('["N","E"]');
    expect(json(store, '$.store.book[?(@.author =~ /E/)].author')).toBe('["E"]');
    expect(json(doc, '$.arr[?(@.x == $.a.b)]')).toBe('[{"x":1}]');
    expect(json(store, '$.arr[?(@ > 2)]')).toBe('[3,4,5]');
    expect(json(store, '$..book[?(@.tags)].tags[*]')).toBe('["a","b"]');
  });
});

describe('Jayway 2.0.0 facts (checked against the real jar)', () => {
  it('an existence filter [?(@.x)] drops an x that is JSON null; !@.x keeps null and missing', () => {
    expect(json(store, '$.store.book[?(@.isbn)].author')).toBe('["H"]');
    expect(json(store, '$.store.book[?(!@.isbn)].author')).toBe('["N","E"]');
  });

  it('!= on a missing property is false (the item is dropped)', () => {
    expect(json(store, "$.store.book[?(@.isbn != 'x')].author")).toBe('["N","H"]');
  });

  it("numbers and numeric strings compare as decimals: @.price == '8.95' equals 8.95 and \"8.95\"", () => {
    expect(json(store, "$.store.book[?(@.price == '8.95')].author")).toBe('["N","H"]');
    expect(json(store, '$.store.book[?(@.price == 8.95)].author')).toBe('["N","H"]');
    // Against the string "8.95", the literal 895e-2 (a string) compares as text.
    expect(json(store, '$.store.book[?(@.price == 895e-2)].author')).toBe('["N"]');
  });

  it('a number literal against a string compares as strings ("10" < "8.95")', () => {
    expect(json(store, '$.store.book[?(@.price < 10)].author')).toBe('["N"]');
  });

  it('a non-numeric string against a number throws NumberFormatException', () => {
    expect(() => read(doc, "$.arr[?(@.x == 'abc')]")).toThrow(JavaException);
    expect(() => read(doc, '$.arr[?(@.x == true)]')).toThrow(/NumberFormatException: Character t is neither/);
  });

  it('null literal matches JSON null and the string "null"', () => {
    expect(json(doc, '$.arr[?(@.x == null)]')).toBe('[{"x":null},{"x":"null"}]');
  });

  it('double quotes are not quotes: ["name"] is invalid, == "E" compares the quotes too', () => {
    expect(invalid(store, '$["store"]')).toBe('com.jayway.jsonpath.InvalidPathException: Could not analyze path component: ["store"]');
    expect(json(store, '$.store.book[?(@.author == "E")]')).toBe('[]');
  });

  it('a filter applied to an object tests the object itself', () => {
    expect(json(store, '$.store.bicycle[?(@.color)]')).toBe('[{"color":"red","price":19.95}]');
    expect(json(doc, '$[?(@.a)].s')).toBe('["str"]');
  });

  it('in / nin do not exist in 2.0.0: the criterion is read as a path with a space', () => {
    expect(invalid(store, "$.store.book[?(@.category in ['ref'])]")).toBe(
      'com.jayway.jsonpath.InvalidPathException: com.jayway.jsonpath.InvalidPathException: Space not allowed in path',
    );
    expect(() => read(store, "$.store.book[?(@.category nin ['x'])]")).toThrow(JsonPathSyntaxError);
  });

  it('$..[0] takes the first item of every array, depth first', () => {
    const d = parseJsonPermissive('{"b":[{"t":["a","b"]},{"u":1}],"arr":[1,2],"n":[[1,2],[3,4]]}');
    expect(json(d, '$..[0]')).toBe('[{"t":["a","b"]},"a",1,[1,2],1,3]');
  });

  it('&& and || fold from the right with no precedence: a || b && c is a || (b && c)', () => {
    const d = parseJsonPermissive('[{"a":1,"b":1,"c":0},{"a":0,"b":0,"c":1}]');
    expect(json(d, '$[?(@.a == 1 && @.b == 1 || @.c == 1)]')).toBe('[{"a":1,"b":1,"c":0}]');
  });

  it('a negative index finds nothing; [a:b] does not count a negative a from the end', () => {
    expect(read(store, '$.arr[-1]')).toBe(NOT_FOUND);
    expect(read(store, '$.arr[-3:-1]')).toBe(NOT_FOUND);
    expect(json(store, '$.arr[1:-1]')).toBe('[]');
  });

  it('one index of a list out of range makes the whole path not found', () => {
    expect(read(store, '$.arr[0,10]')).toBe(NOT_FOUND);
  });

  it('an array step on a map or a string is an invalid path, found while evaluating', () => {
    expect(invalid(doc, '$.a[0]')).toBe('Filter: [0] can only be applied to arrays. Current context is: {b=1}');
    expect(invalid(doc, '$.s[0]')).toBe('Filter: [0] can only be applied to arrays. Current context is: str');
    expect(invalid(doc, '$.s[?(@.x)]')).toBe('Filter: [?] can not be applied to primitives. Current context is: str');
  });

  it('an array wildcard skips items a later step cannot read; a map wildcard does not', () => {
    expect(json(doc, '$.arr[*].x.y')).toBe('[]');
    expect(read(doc, '$.a[*].x')).toBe(NOT_FOUND);
    expect(read(doc, '$.*.q')).toBe(NOT_FOUND);
  });

  it('bracket names have no escapes, and text before the first quote is skipped', () => {
    expect(json(parseJsonPermissive('{"it\\\\":1}'), "$['it\\'s']")).toBe('1');
    expect(json(doc, "$.arr[0][x'x']")).toBe('1');
  });

  it('only (@.length-n) and (@.size()-n) are script expressions', () => {
    expect(invalid(store, '$.arr[(@.foo-1)]')).toBe(
      'com.jayway.jsonpath.InvalidPathException: Invalid function: @.foo. Supported functions are: [(@.length - n)] and [(@.size() - n)]',
    );
    expect(invalid(store, '$.arr[(@.length)]')).toMatch(/^java.lang.StringIndexOutOfBoundsException/);
  });

  it('filter paths must be definite', () => {
    expect(invalid(doc, '$.arr[?(@..x)]')).toBe('com.jayway.jsonpath.InvalidPathException: the predicate path: @..x is not definite');
  });

  it('=~ needs a /regex/ on one side (ClassCastException otherwise) and matches the whole text', () => {
    expect(() => read(doc, "$.arr[?(@.x =~ 'a')]")).toThrow(/ClassCastException/);
    expect(json(doc, '$.arr[?(@.x =~ /a/)]')).toBe('[]');
  });
});

describe('errors', () => {
  it('invalid paths throw JsonPathSyntaxError with Jayway messages, never a JavaScript error', () => {
    const cases: Record<string, string> = {
      '$a': 'com.jayway.jsonpath.InvalidPathException: Invalid path $a',
      '$..': 'com.jayway.jsonpath.InvalidPathException: A path can not end with a scan.',
      '$.a b': 'com.jayway.jsonpath.InvalidPathException: Space not allowed in path',
      '$.a[': 'com.jayway.jsonpath.InvalidPathException: Could not analyze path component: [',
      '$.a.': 'java.lang.StringIndexOutOfBoundsException: String index out of range: 4',
      '$.arr[:]': 'java.lang.NumberFormatException: For input string: ""',
      '$.arr[ * ]': 'com.jayway.jsonpath.InvalidPathException: Could not analyze path component: [ * ]',
    };
    for (const [path, message] of Object.entries(cases)) expect(invalid(doc, path)).toBe(message);
    expect(() => parseJsonPath('  ')).toThrow(JsonPathSyntaxError);
  });

  it('hostile or broken paths never surface a JavaScript TypeError', () => {
    const paths = ['$[?(@.constructor.constructor("return process")())]', '$[(@.length-1)]', '$.__proto__', '$[?(@.__proto__)]', "$['", '$[?(', '$[?()]', '$[?(&&)]', '$[?]', '$[?(@.a ==)]', '$[(]', '$..[', '$.[', "$[?(@ =~ /(/)]"];
    for (const p of paths) {
      try {
        read(doc, p);
      } catch (e) {
        expect(e instanceof JsonPathSyntaxError || e instanceof JavaException, `${p}: ${String(e)}`).toBe(true);
      }
    }
    expect(read(doc, '$.__proto__')).toBe(NOT_FOUND);
  });
});

describe('bounded cost', () => {
  it('a filter called 1000 times charges work proportional to the nodes it visits, with no copy of the body', () => {
    const items = Array.from({ length: 200 }, (_, i) => ({ id: i, price: i % 20, tags: ['a', 'b'], nested: { deep: { deeper: [1, 2, 3] } } }));
    const body = parseJsonBody(JSON.stringify({ items })).value;
    const m = meter();
    const cache = new JsonPathCache();
    const before = m.work;
    let first = 0;
    for (let i = 0; i < 1000; i++) {
      const w = m.work;
      const v = read(body, '$.items[?(@.price < 10)].id', m, cache);
      expect((v as JavaList).items.length).toBe(100);
      if (i === 0) first = m.work - w;
      else expect(m.work - w).toBe(first);
    }
    // Each call visits the root, items, 200 items (one filter test each, reading one property) and 100 ids:
    // a few units per item, never the nested data it does not read.
    expect(first).toBeGreaterThan(200);
    expect(first).toBeLessThan(200 * 8);
    expect(m.work - before).toBe(first * 1000);
    expect(cache.size).toBe(1);
  });

  it('a deep scan over a huge document ends in BudgetExceeded under a small work budget', () => {
    const big = parseJsonBody(JSON.stringify({ rows: Array.from({ length: 50_000 }, (_, i) => ({ i, v: [i, { w: i }] })) })).value;
    const m = new Meter({ ...limits, maxWork: 100_000 });
    let error: unknown;
    try {
      read(big, '$..w', m);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BudgetExceeded);
    expect((error as BudgetExceeded).kind).toBe('work');
    expect(m.work).toBeGreaterThan(100_000);
    expect(m.work).toBeLessThan(100_002);
  });

  it('charges the memory of result lists', () => {
    const m = meter();
    read(store, '$.arr[*]', m);
    expect(m.memory).toBeGreaterThanOrEqual(5 * 16);
  });

  it('walks the deepest body the parser accepts without recursion', () => {
    const depth = 2000;
    const body = parseJsonBody('['.repeat(depth - 1) + '{"x":1}' + ']'.repeat(depth - 1)).value;
    expect(json(body, '$..x')).toBe('[1]');
    expect((read(body, '$..*') as JavaList).items.length).toBe(depth);
  });

  it('a value nested 200 000 deep (a template can build one) ends in a clean error, not a stack overflow', () => {
    let v: Value = new JavaList([], 'json');
    for (let i = 0; i < 200_000; i++) v = new JavaList([v], 'json');
    expect(() => read(v, '$..x')).toThrow(JavaDepthError);
  });

  it('a map that contains itself ends in a clean error: the work budget or the depth bound', () => {
    const m = new JavaMap();
    m.set('self', m);
    expect(() => read(m, '$..x', new Meter({ ...limits, maxWork: 50_000 }))).toThrow(BudgetExceeded);
    expect(() => read(m, '$..x')).toThrow(JavaDepthError);
  });

  it('runs filter regexes on the bounded Java engine: a backtracking bomb stops at the budget', () => {
    const doc = parseJsonPermissive(JSON.stringify({ items: [{ s: 'a'.repeat(40) + '!' }] }));
    const meter = new Meter({ maxWork: 1_000_000, maxMemory: 256 * 1024 * 1024, maxStringLength: 10 * 1024 * 1024 });
    expect(() => readJsonPath(doc, '$.items[?(@.s =~ /(a+)+b/)]', meter, new JsonPathCache())).toThrow(BudgetExceeded);
    expect(meter.work).toBeGreaterThan(1_000_000);
    // Patterns Java accepts and native RegExp treats differently still follow Java: (?i) is ASCII-only.
    expect(json(store, '$..book[?(@.author =~ /[A-Z]+/)].author')).toBe('["N","E","H"]');
    expect(json(store, '$..book[?(@.author =~ /(n|e)/i)].author')).toBe('["N","E"]');
  });
});

describe('JsonPathCache', () => {
  it('is bounded by entry count, least recently used first', () => {
    const cache = new JsonPathCache(2, 1000);
    cache.get('$.a');
    cache.get('$.b');
    cache.get('$.a');
    cache.get('$.c');
    expect(cache.size).toBe(2);
    const again = cache.get('$.a');
    expect(cache.get('$.a')).toBe(again);
  });

  it('is bounded by the total length of the paths', () => {
    const cache = new JsonPathCache(100, 40);
    for (let i = 0; i < 20; i++) cache.get(`$.abcdef${i}`);
    expect(cache.totalLength).toBeLessThanOrEqual(40);
    cache.get('$.' + 'x'.repeat(100));
    expect(cache.totalLength).toBeLessThanOrEqual(40);
  });

  it('does not cache invalid paths', () => {
    const cache = new JsonPathCache();
    expect(() => cache.get('$a')).toThrow(JsonPathSyntaxError);
    expect(cache.size).toBe(0);
  });
});

describe('parseJsonPath (the shape body-shape.ts and checks.ts read)', () => {
  it('keeps the property / index / wildcard / deep / properties kinds', () => {
    expect(parseJsonPath("$.a['b'][0][*]..c['d','e']").segments).toEqual([
      { kind: 'property', name: 'a' },
      { kind: 'property', name: 'b' },
      { kind: 'index', index: 0 },
      { kind: 'wildcard' },
      { kind: 'deep' },
      { kind: 'property', name: 'c' },
      { kind: 'properties', names: ['d', 'e'] },
    ]);
    expect(parseJsonPath('$.a[0]').definite).toBe(true);
    expect(parseJsonPath('$.a[*]').definite).toBe(false);
    expect(parseJsonPath('$.a[1:2]').segments[1]).toEqual({ kind: 'slice', from: 1, to: 2 });
  });
});

describe('agrees with a simple reference walk over random JSON', () => {
  const key = fc.constantFrom('a', 'b', 'c', 'dd');
  const json = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.oneof(fc.integer(), fc.string({ maxLength: 3 }), fc.boolean(), fc.constant(null), fc.double({ noNaN: true, noDefaultInfinity: true })),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(key, tie('value'), { maxKeys: 4 }),
    ),
  })).value;
  const step = fc.oneof(key, fc.nat(4));

  type Ref = Value | typeof NOT_FOUND | 'invalid';

  function refDefinite(root: Value, steps: Array<string | number>): Ref {
    let v: Value = root;
    for (const s of steps) {
      if (typeof s === 'string') {
        if (!(v instanceof JavaMap) || !v.has(s)) return NOT_FOUND;
        v = v.get(s)!;
      } else {
        if (v === null) return NOT_FOUND;
        if (!(v instanceof JavaList)) return 'invalid';
        if (s >= v.items.length) return NOT_FOUND;
        v = v.items[s]!;
      }
    }
    return v;
  }

  /** Whether walking `steps` stops at a key missing from a map (rather than at an index or a scalar). */
  function missingKeyOnly(root: Value, steps: Array<string | number>): boolean {
    let v: Value = root;
    for (const s of steps) {
      if (typeof s === 'string') {
        if (!(v instanceof JavaMap)) return false;
        if (!v.has(s)) return true;
        v = v.get(s)!;
      } else {
        if (!(v instanceof JavaList) || s >= v.items.length) return false;
        v = v.items[s]!;
      }
    }
    return false;
  }

  function children(v: Value): Value[] {
    return v instanceof JavaMap ? v.values() : v instanceof JavaList ? v.items : [];
  }

  /** `$..name`: each map (depth first, a map before what it holds) that has the key. */
  function refDeepProperty(v: Value, name: string, out: Value[] = []): Value[] {
    if (v instanceof JavaMap && v.has(name)) out.push(v.get(name)!);
    for (const c of children(v)) refDeepProperty(c, name, out);
    return out;
  }

  /** `$..*`: the children of each container, then the same below each child. */
  function refDeepWildcard(v: Value, out: Value[] = []): Value[] {
    out.push(...children(v));
    for (const c of children(v)) refDeepWildcard(c, out);
    return out;
  }

  const toPath = (steps: Array<string | number>) => '$' + steps.map((s) => (typeof s === 'string' ? `.${s}` : `[${s}]`)).join('');

  it('definite paths', () => {
    fc.assert(
      fc.property(json, fc.array(step, { maxLength: 4 }), (value, steps) => {
        const root = parseJsonPermissive(JSON.stringify(value));
        const expected = refDefinite(root, steps);
        if (expected === 'invalid') expect(() => read(root, toPath(steps))).toThrow(JsonPathSyntaxError);
        else expect(read(root, toPath(steps))).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('[*] after a definite prefix', () => {
    fc.assert(
      fc.property(json, fc.array(step, { maxLength: 3 }), (value, steps) => {
        const root = parseJsonPermissive(JSON.stringify(value));
        const at = refDefinite(root, steps);
        if (at === 'invalid') return;
        const v = read(root, toPath(steps) + '[*]');
        // Jayway 2.0.0: a key missing from a map along an indefinite path selects nothing (`[]`); any
        // other miss (an index past the end, a step into a scalar) is PathNotFoundException.
        if (at === NOT_FOUND) expect(missingKeyOnly(root, steps) ? (v as JavaList).items : v).toEqual(missingKeyOnly(root, steps) ? [] : NOT_FOUND);
        else expect((v as JavaList).items).toEqual(children(at));
      }),
      { numRuns: 300 },
    );
  });

  it('.. with a name or a wildcard', () => {
    fc.assert(
      fc.property(json, key, (value, name) => {
        const root = parseJsonPermissive(JSON.stringify(value));
        const byName = read(root, `$..${name}`) as JavaList;
        const all = read(root, '$..*') as JavaList;
        expect(byName.items.length).toBe(refDeepProperty(root, name).length);
        refDeepProperty(root, name).forEach((v, i) => expect(byName.items[i]).toBe(v));
        refDeepWildcard(root).forEach((v, i) => expect(all.items[i]).toBe(v));
        expect(all.items.length).toBe(refDeepWildcard(root).length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('Jayway 2.0.0: a key missing along an indefinite path', () => {
  it.each([
    ['$.items[*]', '{}'],
    ['$.a.b[*]', '{"a": {}}'],
    ['$.a.b.c[*]', '{"a": {}}'],
    ['$.x..id', '{}'],
    ['$.a[?(@.x)]', '{"b": 1}'],
    ['$.a[0:1]', '{"b": 1}'],
  ])('%s over %s selects nothing: []', (path, body) => {
    expect((read(parseJsonPermissive(body), path) as JavaList).items).toEqual([]);
  });

  it('a step into a scalar is still not found', () => {
    expect(read(parseJsonPermissive('{"a": 1}'), '$.a.b[*]')).toBe(NOT_FOUND);
  });

  it('a missing leaf after a filter, an index list or a deep scan is not found (only [*] catches it)', () => {
    expect(read(parseJsonPermissive('{"items": [{"name": ""}]}'), '$.items[?(@.name)].id')).toBe(NOT_FOUND);
    expect(read(parseJsonPermissive('{"items": [{}, {}]}'), "$.items[0,1]['id']")).toBe(NOT_FOUND);
    expect(read(parseJsonPermissive('{"a": {}}'), '$..a.b')).toBe(NOT_FOUND);
    expect((read(parseJsonPermissive('{"items": [{}, {"id": 1}]}'), '$.items[*].id') as JavaList).items).toEqual([1]);
  });
});
