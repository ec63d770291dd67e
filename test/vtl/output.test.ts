import { describe, expect, it } from 'vitest';
import { compileTemplate, renderTemplate, VtlLimitError } from '../../src/index.js';

/** The output is built in chunks (frame.ts); nothing about that may show in what a template renders. */
describe('render output across many writes', () => {
  it('is the writes in order, however many there are', () => {
    const template = '#foreach($p in [1..20])#foreach($i in [1..1000])$i,#end|#end';
    let expected = '';
    for (let p = 1; p <= 20; p++) {
      for (let i = 1; i <= 1000; i++) expected += `${i},`;
      expected += '|';
    }
    expect(renderTemplate(template, {}).body).toBe(expected);
  });

  it('string literals built inside a long output are their own text', () => {
    const body = renderTemplate('#foreach($i in [1..1000])#set($s = "${i}-${i}-${i}-${i}-${i}")$s;#end', {}).body;
    expect(body.split(';').slice(0, 3)).toEqual(['1-1-1-1-1', '2-2-2-2-2', '3-3-3-3-3']);
    expect(body.split(';')[999]).toBe('1000-1000-1000-1000-1000');
  });

  it('counts the whole output against maxOutputLength, not only the current chunk', () => {
    const template = compileTemplate('#foreach($p in [1..20])#foreach($i in [1..1000])ab#end#end');
    expect(() => template.render({}, { limits: { maxOutputLength: 30_000 } })).toThrow(VtlLimitError);
    expect(template.render({}, { limits: { maxOutputLength: 40_000 } }).body).toHaveLength(40_000);
  });
});
