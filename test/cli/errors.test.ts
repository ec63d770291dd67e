import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonProblem, nearestOption, optionsIn } from '../../src/cli/usage-errors.js';
import { runBin } from './bin.js';

/** Mistakes on the command line: one line on what is wrong, the one usage line, where the help is. */
describe('CLI errors for people', () => {
  const dir = mkdtempSync(join(tmpdir(), 'apigw-vtl-errors-'));
  const template = join(dir, 't.vtl');
  writeFileSync(template, "$input.json('$')");

  it('a usage error prints its message and the usage line, not the whole help', () => {
    const r = runBin(['render']);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      'apigw-vtl: render takes exactly one template file (or - for standard input)',
      'Usage: apigw-vtl render <template> [options]',
      "Run 'apigw-vtl render --help' for its options.",
    ]);
  });

  it('an unknown option is named plainly, with the option that was probably meant', () => {
    const r = runBin(['render', template, '--inptu', 'x.json']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('apigw-vtl: unknown option --inptu (did you mean --input?)');
    expect(r.stderr).not.toMatch(/positional argument|Options:/);
  });

  it('an option without its value says so', () => {
    const r = runBin(['check', template, '--runs']);
    expect(r.stderr.split('\n')[0]).toBe('apigw-vtl: option --runs needs a value');
  });

  it('a missing file names the path', () => {
    const r = runBin(['render', join(dir, 'nope.vtl')]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`apigw-vtl: cannot read the template ${join(dir, 'nope.vtl')}: no such file`);
  });

  it('a JSON input that does not parse says what is wrong and where', () => {
    const input = join(dir, 'in.json');
    writeFileSync(input, '{"body": "x\n}');
    const r = runBin(['render', template, '--input', input]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`apigw-vtl: --input is not valid JSON (${input}): unterminated string starting at line 1, column 10`);
  });

  it('an unknown command points at the list of commands', () => {
    const r = runBin(['frobnicate']);
    expect(r.stderr.trim().split('\n')).toEqual(["apigw-vtl: unknown command 'frobnicate'", 'Usage: apigw-vtl <command> [options]', "Run 'apigw-vtl --help' for the commands."]);
  });
});

describe('jsonProblem', () => {
  it.each([
    ['{"a": "x', 'unterminated string starting at line 1, column 7'],
    ['{"a": 1', 'unexpected end of input: an object is not closed'],
    ['[[1]', 'unexpected end of input: an array is not closed'],
    ['{"a": [1}', "unexpected '}' at line 1, column 9"],
    ["{'a': 1}", "unexpected character ''' at line 1, column 2 (JSON strings take double quotes)"],
    ['{"a": 1}\n x', 'text after the JSON value at line 2, column 2'],
    ['{"a": "\t"}', 'control character in a string at line 1, column 8 (write it as an escape, e.g. \\t)'],
    ['', 'no JSON value (the text is empty)'],
  ])('%j: %s', (text, problem) => {
    expect(jsonProblem(text)).toBe(problem);
  });

  it('is undefined for valid JSON, and falls back to the engine for what structure does not show', () => {
    expect(jsonProblem('{"a": [1, {"b": null}], "c": "\\"q\\""}')).toBeUndefined();
    expect(jsonProblem('{"a": 1 "b": 2}')).toMatch(/JSON/);
  });
});

describe('option suggestions', () => {
  it('suggests an option within two edits, and nothing for a word far from every option', () => {
    const known = optionsIn('Options:\n  --input f.json   the input\n  --body f   the body\n  -o, --out DIR');
    expect(known).toEqual(['--input', '--body', '-o', '--out']);
    expect(nearestOption('--inptu', known)).toBe('--input');
    expect(nearestOption('--bdoy', known)).toBe('--body');
    expect(nearestOption('--verbose', known)).toBeUndefined();
  });
});
