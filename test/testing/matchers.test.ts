import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../src/index.js';
import { renderResultSerializer, templateMatchers } from '../../src/testing/index.js';
import '../../src/vitest/setup.js';

describe('template matchers', () => {
  it('are plain functions usable with any runner', () => {
    expect(typeof templateMatchers.toRenderJson).toBe('function');
  });

  it('toRender / toRenderJson / toRenderValidJson check one input', () => {
    expect('Hello $input.path("$.name")').toRender('Hello Ada', { body: { name: 'Ada' } });
    expect('{"n": $input.json("$.n"), "at": "$context.requestTimeEpoch"}').toRenderJson({ n: 1, at: expect.any(String) }, { body: { n: 1 } });
    expect('{"a": "$input.path(\'$.a\')"}').toRenderValidJson({ body: { a: 'x' } });
    expect('{"a": "$input.path(\'$.a\')"}').not.toRenderValidJson({ body: { a: 'say "hi"' } });
  });

  it('a failing matcher says what was rendered and where the JSON breaks', () => {
    expect(() => expect('{"a": $input.path(\'$.missing\')}').toRenderValidJson()).toThrow(/expected valid JSON, but the rendered output is not valid JSON: .*\n1 \| \{"a": \}\n {2}\| {8}\^/);
  });

  it('toAlwaysRenderValidJson / toAlwaysRenderJsonMatching / toRoundTrip check generated inputs', () => {
    expect(`{"name": "$util.escapeJavaScript($input.path('$.name')).replaceAll("\\\\'","'")"}`).toAlwaysRenderValidJson({ seed: 1 });
    expect(`{"name": "$util.escapeJavaScript($input.path('$.name'))"}`).not.toAlwaysRenderValidJson({ seed: 1 });
    expect('{"n": $input.path(\'$.items\').size()}').toAlwaysRenderJsonMatching(
      { type: 'object', properties: { n: { type: 'integer', minimum: 0 } } },
      { body: { schema: { type: 'object', required: ['items'], properties: { items: { type: 'array' } } } } },
    );
    expect('{"v": $input.json(\'$.v\')}').toRoundTrip('$.v', { body: { example: { v: 'x' } }, seed: 3 });
  });

  it('prints renders readably in snapshots: the body, then overrides', () => {
    const result = renderTemplate('#set($context.responseOverride.status = 201)\n{"ok": true}');
    expect(renderResultSerializer.test(result)).toBe(true);
    expect(result).toMatchInlineSnapshot(`
      {"ok": true}
      --- responseOverride ---
      {
        "header": {},
        "status": 201
      }
    `);
  });
});
