import { afterEach, describe, expect, it, vi } from 'vitest';
import { expect as jestExpect } from 'expect';
import { compileTemplate } from '../../src/index.js';
import { renderResultSerializer, templateMatchers } from '../../src/testing/index.js';

// jest's own `expect` (the package jest and @jest/globals build theirs from): its matcher context has an
// optional isNot and a wider equals, which the matchers' `this` type must accept as it is.
jestExpect.extend(templateMatchers);

const template = compileTemplate(`{"name": "$util.escapeJavaScript($input.path('$.name'))"}`);

describe('template matchers under jest expect', () => {
  it('pass, fail and negate with jest matcher contexts', () => {
    jestExpect(template).toRenderJson({ name: 'Ada' }, { body: { name: 'Ada' } });
    jestExpect(template).not.toRenderJson({ name: 'Bob' }, { body: { name: 'Ada' } });
    jestExpect(template).not.toAlwaysRenderValidJson({ seed: 1 });
    expect(() => jestExpect(template).toRenderJson({ name: 'Bob' }, { body: { name: 'Ada' } })).toThrow(/expected the template to render JSON equal/);
  });

  it('work as asymmetric matchers', () => {
    jestExpect({ template }).toEqual({ template: jestExpect.toRenderValidJson({ body: { name: 'Ada' } }) });
  });
});

describe('apigw-vtl/jest', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('registers the matchers and the serializer on the global jest expect', async () => {
    const extend = vi.fn();
    const addSnapshotSerializer = vi.fn();
    vi.stubGlobal('expect', { extend, addSnapshotSerializer });
    await import('../../src/jest/setup.js');
    expect(extend).toHaveBeenCalledWith(templateMatchers);
    expect(addSnapshotSerializer).toHaveBeenCalledWith(renderResultSerializer);
  });

  it('says how to register them when there is no global expect', async () => {
    vi.stubGlobal('expect', undefined);
    await expect(import('../../src/jest/setup.js')).rejects.toThrow(/setupFilesAfterEnv/);
  });
});
