import { describe, expect, it } from 'vitest';
import { BudgetExceeded, Meter } from '../../../src/java/meter.js';
import { DEFAULT_LIMITS } from '../../../src/vtl/runtime/limits.js';
import { validateRequest } from '../../../src/pipeline/validation/index.js';
import { ModelValidators } from '../../../src/pipeline/validation/model-validators.js';
import { parseBodyJson } from '../../../src/pipeline/validation/schema/parse-body.js';
import { method, routed } from './helpers.js';
import { outcome } from './schema-helpers.js';

function timed<T>(f: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = f();
  return { value, ms: performance.now() - start };
}

const recursive = { type: 'object', properties: { next: { $ref: '#' }, v: { type: 'integer' } } };

function nested(depth: number, leaf = '{"v":1}'): string {
  return '{"next":'.repeat(depth) + leaf + '}'.repeat(depth);
}

describe('red team', () => {
  it('a 50-level deep body against a recursive model', () => {
    expect(outcome(recursive, nested(50)).errors).toEqual([]);
    expect(outcome(recursive, nested(50, '{"v":"x"}')).errors).toHaveLength(1);
  });

  it('a body at the nesting limit validates without overflowing the stack; one level more is not JSON', () => {
    expect(outcome(recursive, nested(999)).errors).toEqual([]);
    // Two schemas per level exceed the nesting guard: a clean failure, not a stack overflow.
    const schema = { type: 'object', properties: { next: { allOf: [{ $ref: '#' }] } } };
    expect(outcome(schema, nested(999)).failure).toBe('schemas nested more than 1200 deep');
    const m = method({ requestModels: { 'application/json': recursive } });
    expect(validateRequest(routed(m, { request: { body: nested(1000) } }))?.validationErrorString).toBe('[Unknown error parsing request body]');
    const arrays = `${'['.repeat(1001)}${']'.repeat(1001)}`;
    expect(parseBodyJson(arrays, new Meter(DEFAULT_LIMITS)).ok).toBe(false);
  });

  it('a 10 MB array body against items: validated within the default budget, stopped by a smaller one', () => {
    const body = `[${Array.from({ length: 2_500_000 }, () => '"a"').join(',')}]`;
    expect(body.length).toBeGreaterThan(10_000_000);
    const m = method({ requestModels: { 'application/json': { type: 'array', items: { type: 'string', maxLength: 1 } } } });
    const defaults = timed(() => validateRequest(routed(m, { request: { body } })));
    expect(defaults.value).toBeUndefined();
    expect(defaults.ms).toBeLessThan(15_000);
    const limited = timed(() => validateRequest(routed(m, { request: { body }, options: { limits: { maxWork: 1_000_000 } } })));
    expect(limited.value?.validationErrorString).toMatch(/^\[request validation stopped: work budget/);
    expect(limited.ms).toBeLessThan(5_000);
  });

  it('uniqueItems on 100k elements is linear, and charged', () => {
    const values = Array.from({ length: 100_000 }, (_, i) => (i % 2 ? `"s${i}"` : `{"k":${i},"a":[${i}]}`));
    const unique = timed(() => outcome({ uniqueItems: true }, `[${values.join(',')}]`));
    expect(unique.value.errors).toEqual([]);
    expect(unique.ms).toBeLessThan(5000);
    const duplicate = outcome({ uniqueItems: true }, `[${values.join(',')},{"a":[0],"k":0.0}]`);
    expect(duplicate.errors).toEqual(['array must not contain duplicate elements']);
    const meter = new Meter({ maxWork: 5_000, maxMemory: Infinity, maxStringLength: Infinity });
    const parsed = parseBodyJson(`[${values.slice(0, 10_000).join(',')}]`, new Meter({ maxWork: Infinity, maxMemory: Infinity, maxStringLength: Infinity }));
    expect(() => new ModelValidators().validate({ uniqueItems: true }, parsed.ok ? parsed.value : null, meter)).toThrow(BudgetExceeded);
  });

  it('pattern (a+)+$ against a long string stops at the budget, quickly', () => {
    const m = method({ requestModels: { 'application/json': { type: 'string', pattern: '(a+)+$' } } });
    const run = timed(() => validateRequest(routed(m, { request: { body: JSON.stringify(`${'a'.repeat(100_000)}!`) } })));
    expect(run.value?.type).toBe('BAD_REQUEST_BODY');
    expect(run.value?.validationErrorString).toMatch(/work budget/);
    expect(run.ms).toBeLessThan(10_000);
  });

  it('a model that is only a $ref to itself fails cleanly', () => {
    const url = 'https://apigateway.amazonaws.com/restapis/x/models/Self';
    const m = method({ requestModels: { 'application/json': { $ref: url } } });
    const state = routed(m, { request: { body: '{}' }, api: { models: { Self: { $ref: url } } } });
    const error = validateRequest(state);
    expect(error?.validationErrorString).toBe(`[JSON Reference "${url}" loops on itself]`);
    expect(state.warnings.some((w) => w.includes('cannot be applied'))).toBe(true);
  });

  it('a schema nested 10 000 deep neither overflows the stack nor throws', () => {
    let deep: Record<string, unknown> = { type: 'integer' };
    for (let i = 0; i < 10_000; i++) deep = { allOf: [deep] };
    const result = outcome(deep, '"x"');
    expect(result.failure).toBe('schemas nested more than 1200 deep');
  });

  it('a hostile enum or printed value is charged: a huge instance against an enum', () => {
    const body = JSON.stringify({ blob: 'x'.repeat(5_000_000) });
    const m = method({ requestModels: { 'application/json': { enum: [1] } } });
    const error = validateRequest(routed(m, { request: { body }, options: { limits: { maxStringLength: 1_000_000 } } }));
    expect(error?.validationErrorString).toMatch(/request validation stopped: a string longer than 1000000/);
  });

  it('does not mutate the definition or the request', () => {
    const schema = { type: 'object', required: ['b', 'a'], properties: { a: { enum: [1, 2] } } };
    const copy = structuredClone(schema);
    const m = method({ requestModels: { 'application/json': schema }, requestParameters: { 'method.request.querystring.q': true } });
    const state = routed(m, { request: { body: '{"a":3}', query: { q: 'x' } } });
    validateRequest(state);
    expect(schema).toEqual(copy);
    expect(state.request.query).toEqual({ q: 'x' });
  });
});
