/** The playground's pure modules, in Node: what the page and the worker compute, without a browser. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caretSnippet } from '../../playground/src/caret.js';
import { fieldsFromInput, readRequest } from '../../playground/src/request/fields.js';
import { findBreakingInput } from '../../playground/src/worker/find-breaking.js';
import { prettyJson } from '../../playground/src/worker/pretty-json.js';
import { RenderJob } from '../../playground/src/worker/render-job.js';
import { vtlParser } from '../../playground/src/page/editor/vtl-language.js';
import { StringStream } from '@codemirror/language';

const EMPTY = { body: '', headers: '', query: '', path: '', stageVariables: '', context: '' };

describe('pretty JSON keeps every character of strings and numbers', () => {
  it('re-indents', () => {
    expect(prettyJson('{"a":[1,2,{}],"b":{"c":[]},"d":"x , : { ["}')).toBe('{\n  "a": [\n    1,\n    2,\n    {}\n  ],\n  "b": {\n    "c": []\n  },\n  "d": "x , : { ["\n}');
  });
  it('never rounds a number or drops a duplicate key', () => {
    expect(prettyJson('{"n": 12345678901234567890, "n": 1.50, "e": 1E+2}')).toBe('{\n  "n": 12345678901234567890,\n  "n": 1.50,\n  "e": 1E+2\n}');
  });
  it('is undefined (shown raw) past 100 levels, whose indentation would grow with depth squared', () => {
    const deep = `${'['.repeat(30_000)}${']'.repeat(30_000)}`;
    expect(prettyJson(deep)).toBeUndefined();
    expect(prettyJson(`${'['.repeat(100)}${']'.repeat(100)}`)).toBeDefined();
  });
  it('is undefined for text that is not JSON', () => {
    expect(prettyJson("{'a': 1}")).toBeUndefined();
    expect(prettyJson('')).toBeUndefined();
  });
  it('means the same JSON as the text, whatever the text', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(JSON.parse(prettyJson(text)!)).toEqual(JSON.parse(text));
      }),
    );
  });
});

describe('request fields', () => {
  it('read into a RenderInput, the body as sent', () => {
    const { input, problems } = readRequest({ ...EMPTY, body: ' {"a":1} ', headers: '{"X": "1", "L": ["a", "b"]}', path: '{"id": "7"}', context: '{"stage": "dev"}' });
    expect(problems).toEqual([]);
    expect(input).toEqual({ body: ' {"a":1} ', headers: { X: '1', L: ['a', 'b'] }, path: { id: '7' }, context: { stage: 'dev' } });
  });
  it('name the field and what it must hold when one is wrong, and keep the others', () => {
    const { input, problems } = readRequest({ ...EMPTY, headers: '{"X": 1', path: '{"id": ["a"]}', query: '{"q": "1"}', context: '{"requestTimeEpoch": "x"}' });
    expect(input).toEqual({ query: { q: '1' } });
    expect(problems.map((p) => p.field)).toEqual(['headers', 'path', 'context']);
    expect(problems[0]!.message).toMatch(/^Headers is not JSON .*expected a JSON object of strings or string lists/);
    expect(problems[1]!.message).toMatch(/^Path parameters: path\.id must be a string; expected a JSON object of strings/);
    expect(problems[2]!.message).toMatch(/requestTimeEpoch/);
  });
  it('refuse a $context nested deeper than 100 levels, naming it', () => {
    const { input, problems } = readRequest({ ...EMPTY, context: `{"identity": ${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}` });
    expect(input).toEqual({});
    expect(problems).toEqual([{ field: 'context', message: '$context nests deeper than 100 levels' }]);
  });
  it('show an input and read it back', () => {
    const input = { body: '{"a": 1}', headers: { a: 'b' }, query: { q: ['1', '2'] }, stageVariables: { s: 'v' } };
    expect(readRequest(fieldsFromInput(input)).input).toEqual(input);
    expect(fieldsFromInput({ body: { a: 1 } }).body).toBe('{"a":1}');
  });
});

describe('the render job', () => {
  it('renders, pretty-prints JSON and lints once per template text', () => {
    const job = new RenderJob();
    const t = '{"name": "$input.json(\'$.name\')"}';
    const first = job.run(t, { body: '{"name": "a"}' });
    expect(first.outcome).toMatchObject({ ok: true, body: '{"name": ""a""}', pretty: undefined });
    expect(first.diagnostics.some((d) => d.source === 'input-json-in-quotes')).toBe(true);
    const second = job.run(t, { body: '{"name": 1}' });
    expect(second.outcome).toMatchObject({ ok: true, body: '{"name": "1"}', pretty: '{\n  "name": "1"\n}' });
    expect(second.diagnostics).toBe(first.diagnostics);
  });
  it('reports a syntax error with its place, also as a diagnostic', () => {
    const { outcome, diagnostics } = new RenderJob().run('a\n#if(', {});
    expect(outcome).toMatchObject({ ok: false, error: { name: 'VtlSyntaxError', place: { line: 2 } } });
    expect(diagnostics).toEqual([expect.objectContaining({ source: 'syntax', severity: 'error', from: expect.objectContaining({ line: 2 }) })]);
  });
  it('reports a limit by name', () => {
    const { outcome } = new RenderJob().run('#foreach($i in [1..5000000])#foreach($j in [1..5000000])x#end#end', {});
    expect(outcome).toMatchObject({ ok: false, error: { name: 'VtlLimitError' } });
    expect((outcome as { error: { limit?: string } }).error.limit).toBeDefined();
  });
  it('reports a bad input as a typed error, never throws', () => {
    const { outcome } = new RenderJob().run('$input.path(\'$\')', { body: '{oops' });
    expect(outcome).toMatchObject({ ok: false, error: { name: 'VtlBodyError' } });
  });
  it('results are plain data a worker can post', () => {
    const r = new RenderJob().run('#set($context.responseOverride.status = 201)$context.responseOverride.header.put("X", "1")ok', {});
    expect(structuredClone(r)).toEqual(r);
  });
});

describe('find a breaking input', () => {
  it("finds escapeJavaScript's apostrophe in JSON, shrunk to the field, with progress", () => {
    const progress: number[] = [];
    const outcome = findBreakingInput(`{"name": "$util.escapeJavaScript($input.path('$.name'))"}`, { kind: 'renders-valid-json' }, { numRuns: 300, seed: 1, onProgress: (n) => progress.push(n) });
    expect(outcome.ok).toBe(false);
    if (outcome.ok || !('counterexample' in outcome)) throw new Error('expected a counterexample');
    const c = outcome.counterexample;
    expect(JSON.stringify(c.input)).toContain("'");
    expect(Object.keys(c.input)).toEqual(['body']);
    expect(c.output).toContain("\\'");
    expect(c.place).toEqual({ line: 1, column: expect.any(Number) });
    expect(progress.length).toBeGreaterThan(0);
    expect(structuredClone(outcome)).toEqual(outcome);
  });
  it('passes a correct template', () => {
    expect(findBreakingInput(`{"name": "$util.escapeJavaScript($input.path('$.name')).replaceAll("\\\\'","'")"}`, { kind: 'renders-valid-json' }, { numRuns: 100, seed: 2 })).toMatchObject({ ok: true, numRuns: 100 });
  });
  it('round-trips a chosen field', () => {
    const outcome = findBreakingInput(`{"name": "$input.path('$.name')"}`, { kind: 'round-trips-field', from: '$.name' }, { numRuns: 200, seed: 3 });
    expect(outcome.ok).toBe(false);
  });
  it('a template that does not compile, or a bad JSONPath, is an error report', () => {
    expect(findBreakingInput('#if(', { kind: 'renders-without-error' }, { numRuns: 5 })).toMatchObject({ ok: false, error: { name: 'VtlSyntaxError', place: { line: 1 } } });
    expect(findBreakingInput('x', { kind: 'round-trips-field', from: 'name[' }, { numRuns: 5 })).toMatchObject({ ok: false, error: {} });
  });
});

describe('caret snippets', () => {
  it('point at the column, tabs kept', () => {
    expect(caretSnippet('a\n\t#if($x', { line: 2, column: 5 })).toBe('2 | \t#if($x\n  | \t   ^');
  });
  it('show a window of a long line', () => {
    const s = caretSnippet(`${'x'.repeat(500)}#if(`, { line: 1, column: 501 });
    expect(s.length).toBeLessThan(300);
    const [code, caret] = s.split('\n') as [string, string];
    expect(code[caret.indexOf('^')]).toBe('#');
  });
});

describe('VTL highlighting', () => {
  function tokens(line: string): [string, string | null][] {
    const state = vtlParser.startState!(2);
    const stream = new StringStream(line, 2, 2);
    const out: [string, string | null][] = [];
    while (!stream.eol()) {
      const style = vtlParser.token(stream, state);
      out.push([stream.current(), style]);
      stream.start = stream.pos;
    }
    return out.filter(([, s]) => s !== null);
  }
  it('marks directives, references, properties, strings and comments', () => {
    expect(tokens(`#set($a = "x") {"k": $input.path('$.a')} ## note`)).toEqual([
      ['#set(', 'keyword'],
      ['$a', 'variableName'],
      ['=', 'operator'],
      ['"x"', 'string'],
      [')', 'bracket'],
      ['$input', 'variableName'],
      ['.path', 'propertyName'],
      ['(', 'bracket'],
      ["'$.a'", 'string'],
      [')', 'bracket'],
      ['## note', 'lineComment'],
    ]);
  });
  it('never loops on any text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (line) => void tokens(line)));
  });
});
