import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileTemplate } from '../../src/index.js';
import {
  jsonLikeExample,
  rendersJsonMatchingSchema,
  rendersMockStatus,
  rendersValidJson,
  rendersWithoutError,
  roundTripsField,
  TemplatePropertyError,
} from '../../src/testing/index.js';

const ESCAPED = `{"name": "$util.escapeJavaScript($input.path('$.name'))"}`;
const FIXED = `{"name": "$util.escapeJavaScript($input.path('$.name')).replaceAll("\\\\'","'")"}`;

describe('the kit finds the escapeJavaScript apostrophe bug from its own arbitraries', () => {
  it.each([1, 2, 3, 4, 5])('seed %i: the unfixed template fails with an apostrophe, shrunk', (seed) => {
    const result = rendersValidJson(ESCAPED).check({ seed });
    expect(result.ok).toBe(false);
    expect(result.failure!.input.body).toMatch(/'/);
    expect(result.failure!.output).toContain("\\'");
    expect(result.failure!.problem).toMatchObject({ line: 1, column: expect.any(Number) });
  });

  it('the fixed .replaceAll("\\\\\'","\'") form holds', () => {
    expect(FIXED).toContain(`.replaceAll("\\\\'","'")`);
    rendersValidJson(FIXED).assert({ numRuns: 500, seed: 1 });
    roundTripsField(FIXED, '$.name', { body: { example: { name: 'text' } } }).assert({ numRuns: 500, seed: 1 });
  });
});

describe('failures report the counterexample, the output and where the problem is', () => {
  it('assert() throws a TemplatePropertyError with a readable report', () => {
    let error: TemplatePropertyError | undefined;
    try {
      rendersValidJson(ESCAPED).assert({ seed: 1 });
    } catch (e) {
      error = e as TemplatePropertyError;
    }
    expect(error).toBeInstanceOf(TemplatePropertyError);
    expect(error!.message).toMatch(/^renders valid JSON: failed after \d+ runs?; shrunk counterexample:\n  body: \{"name":"'"\}\nproblem \(line 1, column 12; written by template line 1, column 11\): the rendered output is not valid JSON: Bad escaped character\nrendered:\n  1 \| \{"name": "\\'"\}\n    \|            \^\nreplay with \{ seed: 1, path: "[\d:]+" \}$/);
  });

  it('the seed and path in the report replay the same failure', () => {
    const first = rendersValidJson(ESCAPED).check({ seed: 9 }).failure!;
    const again = rendersValidJson(ESCAPED).check({ seed: first.seed, path: first.path }).failure!;
    expect(again.input).toEqual(first.input);
  });

  it('a missing field that leaves "x": , is found and located', () => {
    const failure = rendersValidJson('{"id": $input.path(\'$.id\'), "ok": true}', { body: { example: { id: 7 } } }).check({ seed: 4 }).failure!;
    expect(failure.output).toMatch(/"id": ,/);
    expect(failure.problem).toMatchObject({ line: 1, column: 8 });
  });
});

describe('ready-made properties', () => {
  it('rendersWithoutError reports the template error', () => {
    const result = rendersWithoutError('$input.path("$.s").substring(3)', { body: fc.constantFrom('{"s": "ab"}', '{"s": "abcd"}') }).check({ seed: 1 });
    expect(result.failure?.problem.message).toMatch(/StringIndexOutOfBoundsException/);
  });

  it('rendersJsonMatchingSchema checks the output against a draft-04 schema', () => {
    const schema = { type: 'object', required: ['count'], properties: { count: { type: 'integer' } } };
    rendersJsonMatchingSchema('{"count": $input.path(\'$.items\').size()}', schema, { body: fc.constant('{"items": [1, 2]}') }).assert({ numRuns: 5 });
    const wrong = rendersJsonMatchingSchema('{"count": "$input.path(\'$.items\').size()"}', schema, { body: fc.constant('{"items": []}') }).check({ numRuns: 5 });
    expect(wrong.failure?.problem.message).toMatch(/\/count: must be integer/);
  });

  it('roundTripsField compares the value the template read with the value it wrote', () => {
    const copy = roundTripsField('{"user": {"name": $input.json(\'$.name\')}}', { from: '$.name', to: '$.user.name' }, { body: jsonLikeExample({ name: 'x' }) });
    copy.assert({ numRuns: 300, seed: 2 });
    const quoted = roundTripsField('{"name": "$input.path(\'$.name\')"}', '$.name', { body: jsonLikeExample({ name: 'x' }, { missingKeys: 0, nulls: 0 }) }).check({ seed: 2 });
    expect(quoted.ok).toBe(false);
  });

  it('rendersMockStatus accepts what API Gateway reads leniently and rejects a string status', () => {
    rendersMockStatus('{statusCode: 200}').assert({ numRuns: 5 });
    expect(rendersMockStatus('{"statusCode": "$input.params(\'code\')"}').check({ numRuns: 5 }).ok).toBe(false);
  });

  it('takes compiled templates, and exposes the fast-check property', () => {
    const template = compileTemplate('{"a": 1}');
    fc.assert(rendersValidJson(template).property, { numRuns: 10 });
  });
});

describe('onRun reports progress', () => {
  it('counts every input tried, shrinking included past numRuns', () => {
    const passing: number[] = [];
    expect(rendersValidJson('{"a": 1}', { onRun: (n) => passing.push(n) }).check({ numRuns: 25, seed: 3 }).ok).toBe(true);
    expect(passing).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    const failing: number[] = [];
    const result = rendersValidJson(`{"name": "$util.escapeJavaScript($input.path('$.name'))"}`, { onRun: (n) => failing.push(n) }).check({ numRuns: 300, seed: 5 });
    expect(result.ok).toBe(false);
    expect(failing.at(-1)).toBeGreaterThan(0);
    expect(failing.every((n, i) => n === i + 1)).toBe(true);
  });
});
