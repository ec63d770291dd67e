import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderTemplate, VtlError } from '../../src/index.js';
import { render } from '../helpers.js';

/** Templates are untrusted code: nothing they do may reach JavaScript internals. */
describe('templates cannot reach JavaScript internals', () => {
  const probes = [
    '$s.constructor',
    "$s['constructor']",
    '$s.constructor.constructor("return process")',
    "$s['__proto__']",
    '$s.get("__proto__")',
    '$s.valueOf.call',
    '$s.getClass()',
    '$s.class',
    '$s.class.forName("java.lang.Runtime")',
    "$m['__proto__']",
    '$m.constructor',
    '$m.hasOwnProperty("a")',
    '$m.get("constructor")',
    '$l.constructor',
    "$l['__proto__']",
    '$l.map',
    '$n.constructor',
    '$n.toFixed(2)',
    '$input.constructor',
    "$input['__proto__']",
    '$input.getClass()',
    '$util.constructor',
    '$context.constructor',
    "$context['__proto__']",
    '$foreach.constructor',
    '$input.path("$").constructor',
  ];

  it.each(probes)('%s resolves to nothing', (probe) => {
    const template = `#set($s = "x")#set($m = {"a": 1})#set($l = [1])#set($n = 1)#foreach($i in [1])[${probe}]#end`;
    expect(render(template, { body: '{"a":1}' })).toBe('[]');
  });

  it.each(['$s.__proto__', '$s.__lookupGetter__("__proto__")', '$l.__proto__.x', '$input.__proto__'])(
    '%s is a reference followed by text (Velocity 1.7 identifiers after a dot start with a letter)',
    (probe) => {
      const out = render(`#set($s = "x")#set($l = [1])${probe}`);
      expect(out).not.toMatch(/function|native code|\[object/);
      expect(out.endsWith(probe.slice(probe.indexOf('.')))).toBe(true);
    },
  );

  it('storing __proto__ or constructor keys stays inside the map', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const out = render(
      '#set($m = {})#set($m["__proto__"] = {"polluted": 1})$m.put("constructor", 2)#set($m["__proto__"].x = 1)' +
        '#set($p = $input.path("$"))#set($p["__proto__"].polluted = 1)$m.keySet()',
      { body: '{"__proto__": {}}' },
    );
    expect(out).toBe('[__proto__, constructor]');
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('never mutates the caller input objects', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.dictionary(fc.string(), fc.string()), (body, headers) => {
        const input = { body: body as object, headers, query: { q: ['1', '2'] }, context: { identity: { sourceIp: '1.1.1.1' } } };
        const snapshot = JSON.stringify(input);
        try {
          renderTemplate(
          '#set($r = $input.path("$"))$r.put("x", 1)#set($h = $input.params().header)$h.put("y", "z")' +
            '#set($context.identity.sourceIp = "changed")#set($context.requestOverride.header.h = "v")$input.json("$")',
          input,
          );
        } catch (e) {
          expect(e).toBeInstanceOf(VtlError); // e.g. a body that is not valid JSON
        }
        expect(JSON.stringify(input)).toBe(snapshot);
      }),
      { numRuns: 200 },
    );
  });
});
