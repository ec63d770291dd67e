import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { templateReads } from '../../src/testing/analysis/body-shape.js';
import { bodyWithValue, guidedModel } from '../../src/testing/properties/guided-bodies.js';
import type { BodyModel } from '../../src/testing/properties/body-model.js';

describe('values conditions compare with', () => {
  it('are found for body paths, through variables and loops, with ==, != and equals()', () => {
    const reads = templateReads(`#set($pet = $input.path('$.pet'))
#if($pet.kind == "dog" && $input.path('$.age') != 3)#end
#foreach($t in $input.path('$.tags'))#if($t.name.equals("sale"))#end#end
#if($input.params('mode') == "full")#end`);
    expect(reads.compared.map((c) => `${c.steps.map((s) => (s.kind === 'item' ? '[]' : s.name)).join('.')}=${JSON.stringify(c.value)}`)).toEqual(['pet.kind="dog"', 'age=3', 'tags.[].name="sale"']);
  });

  it('are put into a body at their path, building what is missing, leaving other fields alone', () => {
    const [kind, sale] = templateReads(`#if($input.path('$.pet.kind') == "dog")#end#if($input.path('$.tags[0].name') == "sale")#end`).compared;
    expect(bodyWithValue('{"pet": {"name": "Rex"}, "x": 1}', kind!)).toBe('{"pet":{"name":"Rex","kind":"dog"},"x":1}');
    expect(bodyWithValue('{}', sale!)).toBe('{"tags":[{"name":"sale"}]}');
    expect(bodyWithValue('not json', sale!)).toBeUndefined();
    expect(bodyWithValue('{"__proto__": {"a": 1}}', templateReads(`#if($input.path('$.__proto__.a') == 2)#end`).compared[0]!)).toBe('{"__proto__":{"a":2}}');
  });

  it('reach the model: some generated bodies hold them, never one the model rejects', () => {
    const model: BodyModel = { kind: 'schema', inside: fc.constant('{"kind": "cat"}'), contains: (b) => b !== undefined && !b.includes('"forbidden"') };
    const guided = guidedModel(model, templateReads(`#if($input.path('$.kind') == "dog")#elseif($input.path('$.kind') == "forbidden")#end`).compared);
    const bodies = fc.sample(guided.inside, { numRuns: 200, seed: 1 });
    expect(bodies).toContain('{"kind":"dog"}');
    expect(bodies.some((b) => b.includes('forbidden'))).toBe(false);
  });
});
