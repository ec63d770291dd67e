/**
 * Red-team cases for the render's resource model: each attack ends in a typed, located VtlLimitError
 * (or renders correctly) and the budget it hit was charged — nothing here measures time.
 */
import { describe, expect, it } from 'vitest';
import { compileTemplate, renderTemplate, VtlLimitError, type RenderInput, type RenderLimits } from '../../src/index.js';

function limitError(template: string, input: RenderInput = {}, limits?: Partial<RenderLimits>): VtlLimitError {
  try {
    renderTemplate(template, input, { limits });
  } catch (e) {
    expect(e).toBeInstanceOf(VtlLimitError);
    const error = e as VtlLimitError;
    expect(error.line).toBeGreaterThan(0);
    expect(error.column).toBeGreaterThan(0);
    return error;
  }
  throw new Error('expected a VtlLimitError');
}

/** `[$l, $l]` applied n times: 2^n leaves that share structure, a value tiny in memory and huge when walked. */
const doubledList = (n: number) => `#set($l = [1])#foreach($i in [1..${n}])#set($l = [$l, $l])#end`;

describe('work is charged by what an operation costs, not by how many calls it took', () => {
  it('a search over a large string costs its length: 1000 indexOf calls on 1 MB stop at the budget', () => {
    const body = 'x'.repeat(1024 * 1024);
    const e = limitError('#foreach($i in [1..1000])$input.body.indexOf("y")#end', { body }, { maxWork: 1_000_000 });
    expect(e.limit).toBe('work');
    // The same loop on a short body is cheap: the cost followed the data, not the call count.
    const cheap = renderTemplate('#foreach($i in [1..1000])$input.body.indexOf("y")#end', { body: 'xx' }, { limits: { maxWork: 1_000_000 } });
    expect(cheap.cost.work).toBeLessThan(10_000);
  });

  it('charges a large body when it is parsed, and reports the cost of a render', () => {
    const items = Array.from({ length: 2000 }, (_, i) => ({ id: i, name: `item ${i}` }));
    const small = renderTemplate("$input.json('$.items[0]')", { body: JSON.stringify({ items: items.slice(0, 10) }) });
    const large = renderTemplate("$input.json('$.items[0]')", { body: JSON.stringify({ items }) });
    expect(large.body).toBe(small.body);
    expect(large.cost.work).toBeGreaterThan(small.cost.work * 50);
    expect(large.cost.memory).toBeGreaterThan(small.cost.memory * 50);
  });

  it('#define blocks that use each other twice per level stop at the budget instead of rendering 2^30 times', () => {
    const blocks = Array.from({ length: 30 }, (_, i) => `#define($d${i + 1})$d${i}$d${i}#end`).join('');
    const e = limitError(`#define($d0)#end${blocks}$d30`, {}, { maxWork: 100_000 });
    expect(e.limit).toBe('work');
  });

  it('BigInteger arithmetic is charged by the digits: repeated squaring is refused before it runs', () => {
    const body = `{"n": 1${'0'.repeat(2000)}}`;
    const e = limitError("#set($n = $input.path('$.n'))#foreach($i in [1..40])#set($n = $n * $n)#end$n", { body });
    expect(e.limit).toBe('work');
  });
});

describe('values that share structure exponentially are bounded as they are walked', () => {
  it('printing a list that holds itself twice, 40 times over, stops at the string cap', () => {
    const e = limitError(`${doubledList(40)}$l`, {}, { maxStringLength: 100_000 });
    expect(e.limit).toBe('string');
  });

  it('hashCode of such a list stops at the work budget', () => {
    expect(limitError(`${doubledList(40)}$l.hashCode()`, {}, { maxWork: 100_000 }).limit).toBe('work');
  });

  it('equals between two such lists stops at the work budget', () => {
    const t = '#set($l = [1])#set($m = [1])#foreach($i in [1..40])#set($l = [$l, $l])#set($m = [$m, $m])#end$l.equals($m)';
    expect(limitError(t, {}, { maxWork: 100_000 }).limit).toBe('work');
    expect(limitError(t.replace('$l.equals($m)', '#if($l == $m)same#end'), {}, { maxWork: 100_000 }).limit).toBe('work');
  });

  it('$input.json of a body holding such a list stops at the string cap', () => {
    const t = `#set($b = $input.path('$'))${doubledList(40)}#set($d = $b.put("x", $l))$input.json('$')`;
    expect(limitError(t, { body: '{"a": 1}' }, { maxStringLength: 100_000 }).limit).toBe('string');
  });

  it('a response override holding such a list stops when it is copied out', () => {
    const t = `${doubledList(40)}#set($context.responseOverride.header.x = $l)`;
    expect(['string', 'work']).toContain(limitError(t, {}, { maxStringLength: 100_000, maxWork: 100_000 }).limit);
  });
});

describe('memory: what a render allocates is bounded', () => {
  it('large strings kept in a list stop at the memory budget', () => {
    const t = '#set($l = [])#foreach($i in [1..1000])#set($d = $l.add($input.body.repeat(9)))#end$l.size()';
    expect(limitError(t, { body: 'x'.repeat(100_000) }, { maxMemory: 10_000_000 }).limit).toBe('memory');
  });

  it('a list that doubles itself with addAll stops at the memory budget', () => {
    const t = '#set($l = [1, 2, 3, 4, 5, 6, 7, 8])#foreach($i in [1..40])#set($d = $l.addAll($l))#end$l.size()';
    expect(limitError(t, {}, { maxMemory: 10_000_000 }).limit).toBe('memory');
  });

  it('toCharArray of a large string is charged per character object', () => {
    const t = '#foreach($i in [1..100])#set($c = $input.body.toCharArray())#end';
    expect(limitError(t, { body: 'x'.repeat(100_000) }, { maxMemory: 10_000_000 }).limit).toBe('memory');
  });

  it('replaceAll with group references charges every piece it assembles, even empty ones', () => {
    // 4000 matches of an empty group, each replaced by a thousand `$1`: nothing in the output, a lot in memory.
    const body = JSON.stringify({ s: 'a'.repeat(4000), r: '$1'.repeat(1000) });
    const t = `#set($b = $input.path('$'))#set($x = $b.s.replaceAll("a()", $b.r))$x.length()`;
    expect(limitError(t, { body }, { maxMemory: 10_000_000 }).limit).toBe('memory');
  });

  it('a range is charged for its elements', () => {
    expect(limitError('#foreach($i in [1..100])#set($r = [1..100000])#end', {}, { maxMemory: 10_000_000 }).limit).toBe('memory');
  });
});

describe('every string a render creates is held to the string cap', () => {
  const cap = { maxStringLength: 1000 };
  const body = 'é'.repeat(400);

  it.each([
    ['escapeJavaScript', '$util.escapeJavaScript($input.body)'],
    ['base64Encode', '$util.base64Encode($input.body)'],
    ['urlEncode', '$util.urlEncode($input.body)'],
    ['repeat', '$input.body.repeat(3)'],
    ['concat', '$input.body.concat($input.body).concat($input.body)'],
    ['replace', '$input.body.replace("é", "ééé")'],
    ['toUpperCase', '$input.body.concat($input.body).concat($input.body).toUpperCase()'],
    ['interpolation', '#set($s = "$input.body$input.body$input.body")'],
    ['+', '#set($s = $input.body + $input.body + $input.body)'],
    ['printing a list', '#set($l = [$input.body, $input.body, $input.body])#set($s = "$l")'],
  ])('%s', (_name, template) => {
    expect(limitError(template, { body }, cap).limit).toBe('string');
  });

  it('a result within the cap renders as usual', () => {
    expect(renderTemplate('$util.base64Encode($input.body)', { body: 'hi' }, { limits: cap }).body).toBe('aGk=');
  });
});

describe('state that outlives a render stays bounded', () => {
  it('a template keeps a bounded number of compiled patterns and parsed paths, whatever the inputs', () => {
    const template = compileTemplate("$input.params('p').matches($input.params('re'))$input.path($input.params('path'))");
    for (let i = 0; i < 2000; i++) {
      template.render({ body: `{"k${i}": ${i}}`, query: { p: `v${i}`, re: `v${i}|x{1,${i + 1}}`, path: `$.k${i}` } });
    }
    const sizes = template.cacheSizes;
    expect(sizes.patterns).toBeLessThanOrEqual(256);
    expect(sizes.paths).toBeLessThanOrEqual(1024);
  });

  it('distinct large-integer map keys live in their map, not in the process', () => {
    const template = compileTemplate("#set($m = {})#set($d = $m.put($input.path('$.id'), 1))$m.containsKey($input.path('$.id'))");
    for (let i = 0; i < 100; i++) {
      expect(template.render({ body: `{"id": ${9007199254740993n + BigInt(i)}}` }).body).toBe('true');
    }
  });
});
