/** Defects a review of the robustness work found, each pinned. */
import { describe, expect, it } from 'vitest';
import { compileTemplate, DefinitionError, InvalidInputError, parseApiDefinition, renderTemplate, VtlLimitError } from '../../src/index.js';

describe('review findings', () => {
  it('an authorizer context value that cannot be serialised is an InvalidInputError', () => {
    const loop: Record<string, unknown> = { a: 1 };
    loop['self'] = loop;
    expect(() => compileTemplate('$context.authorizer').render({ context: { authorizer: { x: loop } } })).toThrow(InvalidInputError);
    expect(() => compileTemplate('$context.authorizer').render({ context: { authorizer: { x: { y: 1n } } } })).toThrow(InvalidInputError);
  });

  it('a requestTimeEpoch no date can hold is an InvalidInputError', () => {
    expect(() => renderTemplate('$context.requestTime', { context: { requestTimeEpoch: 1e300 } })).toThrow(InvalidInputError);
  });

  it('$input.params(name) is charged for comparing every header name', () => {
    const headers = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`h${i}`, 'v']));
    const t = '#foreach($i in [1..1000])#foreach($j in [1..1000])#set($x = $input.params("nope"))#end#end';
    expect(() => renderTemplate(t, { headers }, { limits: { maxWork: 1_000_000 } })).toThrow(VtlLimitError);
  });

  it('a literal replaceAll is charged per match', () => {
    const small = renderTemplate('$input.body.replaceAll("a", "b").length()', { body: 'a'.repeat(10) });
    const large = renderTemplate('$input.body.replaceAll("a", "b").length()', { body: 'a'.repeat(10_000) });
    expect(large.cost.work - small.cost.work).toBeGreaterThan(9_000);
  });

  it('a YAML alias that resolves to nothing, or an alias bomb, is a DefinitionError', () => {
    expect(() => parseApiDefinition('openapi: 3.0.1\npaths: *a\n')).toThrow(DefinitionError);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill('*' + String.fromCharCode(97 + i)).join(', ')}]`)].join('\n');
    expect(() => parseApiDefinition(bomb)).toThrow(DefinitionError);
  });

  it('keySet() and entrySet() are Sets: equal in any order, never equal to a List', () => {
    expect(renderTemplate('#set($m = {"a": 1, "b": 2})#set($n = {"b": 1, "a": 2})$m.keySet().equals($n.keySet())').body).toBe('true');
    expect(renderTemplate('#set($m = {"a": 1, "b": 2})$m.keySet().equals(["a", "b"])').body).toBe('false');
    expect(renderTemplate('#set($m = {"a": 1})#set($n = {"a": 1})$m.entrySet().equals($n.entrySet())').body).toBe('true');
    // values() keeps Object.equals, but HashMap hands out one cached view per map.
    expect(renderTemplate('#set($m = {"a": 1})$m.values().equals($m.values())').body).toBe('true');
    expect(renderTemplate('#set($m = {"a": 1})#set($n = {"a": 1})$m.values().equals($n.values())').body).toBe('false');
  });
});
