import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileTemplate } from '../../src/index.js';
import { jsonBody } from '../../src/testing/arbitraries/input.js';
import { parseJsonTree, printJsonTree, replaceAt, treePaths } from '../../src/testing/arbitraries/json-tree.js';
import { bodiesOutside } from '../../src/testing/arbitraries/outside-model.js';
import { renderInputs } from '../../src/testing/arbitraries/request.js';
import { bodyModelOf, fitsExample, fitsShape } from '../../src/testing/properties/body-model.js';
import { checkByBugClass } from '../../src/testing/properties/bug-class.js';
import { rendersValidJson } from '../../src/testing/properties/checks.js';
import { minimiseInput } from '../../src/testing/properties/minimise.js';
import { templateReads, type JsonSchema } from '../../src/testing/index.js';

const NAME = `{"name": "$input.path('$.name')"}`;
const NUMBER = `{"n": $input.path('$.n')}`;
const integerN = { type: 'object', required: ['n'], properties: { n: { type: 'integer' } } };

describe('JSON trees keep what JSON.parse would round', () => {
  it('prints number and string spellings back as written, and edits by path', () => {
    const tree = parseJsonTree('{"a": 10.50, "b": [1e3, "\\u00e9"], "c": {"d": 9007199254740993}}')!;
    expect(printJsonTree(tree)).toBe('{"a":10.50,"b":[1e3,"\\u00e9"],"c":{"d":9007199254740993}}');
    expect(printJsonTree(replaceAt(tree, [1, 0], undefined)!)).toBe('{"a":10.50,"b":["\\u00e9"],"c":{"d":9007199254740993}}');
    // Leaves first, the root last: the shrinking order of "which node to change".
    expect(treePaths(tree)).toEqual([[0], [1, 0], [1, 1], [2, 0], [1], [2], []]);
    expect(parseJsonTree('{a:1}')).toBeUndefined();
  });
});

describe('what is inside a model', () => {
  it('without a model: every read path present, a string or a number where the template reads a value', () => {
    const shape = templateReads(`{"a": "$input.path('$.a.b')", "n": [#foreach($i in $input.path('$.items'))$i.id#end]}`).body!;
    expect(fitsShape({ a: { b: 'x' }, items: [{ id: 1 }] }, shape)).toBe(true);
    expect(fitsShape({ a: { b: 'x' }, items: [] }, shape)).toBe(true);
    expect(fitsShape({ a: { b: null }, items: [] }, shape)).toBe(false);
    expect(fitsShape({ a: {}, items: [] }, shape)).toBe(false);
    expect(fitsShape({ a: { b: true }, items: [] }, shape)).toBe(false);
    expect(fitsShape({ a: { b: 'x' }, items: {} }, shape)).toBe(false);
  });

  it("an example's shape: its keys, with values of the same JSON type; more keys are fine", () => {
    const example = { id: 7, name: 'x', tags: ['a'], note: null };
    expect(fitsExample({ id: 1.5, name: '', tags: [], note: 'n', extra: true }, example)).toBe(true);
    expect(fitsExample({ id: 1, name: '', tags: [] }, example)).toBe(false);
    expect(fitsExample({ id: '1', name: '', tags: [], note: null }, example)).toBe(false);
    expect(fitsExample({ id: 1, name: '', tags: [2], note: null }, example)).toBe(false);
  });

  it('bodies generated inside are inside; bodies generated outside are outside, and never the body null', () => {
    const sources = [undefined, { schema: integerN }, { example: { n: 1, s: 'x', list: [{ k: 'v' }] } }];
    for (const source of sources) {
      const model = bodyModelOf(source, compileTemplate(NUMBER));
      for (const body of fc.sample(model.inside, { numRuns: 100, seed: 1 })) expect(model.contains!(body)).toBe(true);
      for (const body of fc.sample(bodiesOutside(model.inside, model.contains!), { numRuns: 200, seed: 1 })) {
        expect(model.contains!(body)).toBe(false);
        expect(body.trim()).not.toBe('null');
      }
    }
  });

  it('a form template takes form bodies; a JSON object sent to it is outside', () => {
    const form = `{#foreach($pair in $input.path('$').split('&'))"$util.escapeJavaScript($util.urlDecode($pair.split('=')[0]))": 1#if($foreach.hasNext),#end#end}`;
    const compiled = compileTemplate(form);
    const model = bodyModelOf(undefined, compiled, { mediaType: 'application/x-www-form-urlencoded; charset=UTF-8' });
    expect(model.kind).toBe('form');
    for (const body of fc.sample(model.inside, { numRuns: 50, seed: 1 })) expect(model.contains!(body)).toBe(true);
    expect([model.contains!('{"a": 1}'), model.contains!('a=1&b=%27')]).toEqual([false, true]);
    // An apostrophe in a key: escapeJavaScript's \' breaks the JSON, for a form any browser posts.
    const r = checkByBugClass(rendersValidJson(compiled), model, {}, { numRuns: 200, seed: 1 });
    expect([r.ok, r.bugClass]).toEqual([false, 'valid-request']);
  });

  it('a template that reads no body path takes any JSON object', () => {
    const model = bodyModelOf(undefined, compileTemplate('{"id": "$context.requestId"}'));
    expect(model.kind).toBe('any-object');
    expect([model.contains!('{"a": 1}'), model.contains!('[1]'), model.contains!('x')]).toEqual([true, false, false]);
  });
});

describe('failures are classed by the body that shows them', () => {
  const classify = (template: string, source?: { schema: JsonSchema }, seed = 1) => {
    const compiled = compileTemplate(template);
    return checkByBugClass(rendersValidJson(compiled), bodyModelOf(source, compiled), {}, { numRuns: 100, seed });
  };

  it('a quoted string field that a valid string breaks: a valid-request bug', () => {
    const r = classify(NAME, { schema: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } });
    expect([r.ok, r.bugClass, r.runs.outside]).toEqual([false, 'valid-request', 0]);
    expect(r.failure!.input.body).toMatch(/"name":".*["\\]/);
  });

  it('an unquoted integer field: fine for valid bodies, broken by a body outside the model', () => {
    for (const seed of [1, 2, 3]) {
      const r = classify(NUMBER, { schema: integerN }, seed);
      expect([r.ok, r.bugClass, r.runs.inside]).toEqual([false, 'outside-model', 100]);
    }
  });

  it('replays a failure in the phase it was found in, exactly', () => {
    const compiled = compileTemplate(NUMBER);
    const model = bodyModelOf({ schema: integerN }, compiled);
    const first = checkByBugClass(rendersValidJson(compiled), model, {}, { numRuns: 100, seed: 5 });
    const again = checkByBugClass(rendersValidJson(compiled), model, {}, { numRuns: 100, seed: 5, replay: { path: first.failure!.path!, bugClass: 'outside-model' } });
    expect([again.bugClass, again.runs.inside, again.failure!.report]).toEqual(['outside-model', 0, first.failure!.report]);
  });

  it('a body API Gateway rejects as not JSON (its 400) is not a template bug', () => {
    const whole = `$input.json('$')`;
    const notJson = rendersValidJson(whole, { body: fc.constant('{"a":') });
    expect(notJson.check({ numRuns: 1 }).failure?.problem.message).toMatch(/VtlBodyError/);
    expect(notJson.withOptions({ acceptBodyErrors: true }).check({ numRuns: 1 }).ok).toBe(true);
    const r = classify(whole);
    expect([r.ok, r.runs.outside]).toEqual([true, 100]);
  });
});

describe('counterexamples keep only what the failure needs', () => {
  it('drops body fields, parameters, stage variables and the context the template does not read', () => {
    const template = compileTemplate(`{"s": "$input.path('$.s')"}`);
    const stillFails = (input: { body?: unknown }) => {
      const out = template.render(input as never).body;
      try {
        JSON.parse(out);
        return false;
      } catch {
        return true;
      }
    };
    const input = {
      body: '{"a": 1, "s": "say \\"hi\\"", "deep": {"b": [1, 2]}}',
      query: { q: 'v' },
      headers: { h: 'v' },
      stageVariables: { env: 'prod' },
      context: { stage: 'prod' },
    };
    expect(minimiseInput(input, stillFails)).toEqual({ body: '{"s":"say \\"hi\\""}', query: {}, headers: {}, stageVariables: {} });
  });

  it('a property that minimises shows only the read field of a generic body', () => {
    const check = rendersValidJson(`{"s": "$input.path('$.s')"}`, { input: renderInputs({ body: jsonBody }), minimise: true });
    const failure = check.check({ seed: 1 }).failure!;
    expect(Object.keys(JSON.parse(failure.input.body as string))).toEqual(['s']);
    expect(failure.input.context).toBeUndefined();
    expect(failure.report).toContain('written by template line 1');
  });
});
