import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../src/index.js';
import { renderError } from '../helpers.js';

describe('request and response overrides', () => {
  it('are writable in every form AWS accepts and come back to the caller', () => {
    const r = renderTemplate(
      '#set($k = "foo")#set($context.requestOverride.querystring[$k] = "bar")' +
        '$context.requestOverride.querystring.put("putfoo", "putBar")' +
        '#set($context["requestOverride"].querystring["nestedfoo"] = "nestedFoo")' +
        '#set($context.requestOverride.header.multi = ["a", "b"])' +
        '#set($context.requestOverride.path.id = "7")' +
        '#set($context.responseOverride.status = 444)#set($context.responseOverride.header.foo = "bar")' +
        '#set($context.responseOverride.custom = "is also passed around")' +
        '$context.requestOverride.querystring.foo $context.requestOverride.querystring["putfoo"] $context.requestOverride.querystring.nestedfoo',
    );
    expect(r.body).toBe('bar putBar nestedFoo');
    expect(r.requestOverride).toEqual({
      header: { multi: ['a', 'b'] },
      path: { id: '7' },
      querystring: { foo: 'bar', putfoo: 'putBar', nestedfoo: 'nestedFoo' },
    });
    expect(r.responseOverride).toEqual({ status: 444, header: { foo: 'bar' }, custom: 'is also passed around' });
  });

  it('carry preset values into a render, as from the request template into the response template', () => {
    const r = renderTemplate(
      '#set($body = $util.parseJson($context.requestOverride.path.body))$body.message|$context.responseOverride.status',
      { context: { requestOverride: { path: { body: '{"message": "path1"}' } }, responseOverride: { status: 444 } } },
    );
    expect(r.body).toBe('path1|444');
    expect(r.responseOverride.status).toBe(444);
    expect(r.requestOverride.path).toEqual({ body: '{"message": "path1"}' });
  });

  it('may each be set only once (AWS: "overrides are final")', () => {
    expect(renderError('#set($context.responseOverride.status = 400)\n#set($context.responseOverride.status = 500)').message).toMatch(
      /responseOverride.status is overridden twice.*line 2, column 1/,
    );
    expect(renderError('#set($context.requestOverride.header.h = "a")$context.requestOverride.header.put("h", "b")').message).toMatch(
      /requestOverride.header.h is overridden twice/,
    );
  });

  it('print as empty, like every map inside $context', () => {
    expect(renderTemplate('#set($context.requestOverride.header.h = "a")[$context.requestOverride.header]').body).toBe('[]');
  });
});

describe('a template that never names $context', () => {
  it('gets no $context built, and returns the preset overrides unchanged', () => {
    const result = renderTemplate('plain', { context: { requestOverride: { header: { a: 'b' } }, responseOverride: { status: 202 } } });
    expect(result.requestOverride).toEqual({ header: { a: 'b' }, path: {}, querystring: {} });
    expect(result.responseOverride).toEqual({ header: {}, status: 202 });
  });
});

describe('a responseOverride.status that is not a number', () => {
  it('is dropped, as API Gateway ignores it, and a warning says so', () => {
    const result = renderTemplate('#set($context.responseOverride.status = "abc")');
    expect(result.responseOverride.status).toBeUndefined();
    expect(result.warnings).toEqual(['responseOverride.status "abc" is not a number and was ignored']);
  });
});
