import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const example = (name: string) => join(root, 'examples', name);

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

describe('apigw-vtl invoke', () => {
  it('prints the status, headers, body and the execution log of one request', async () => {
    const { out, io: cli } = io();
    expect(await runCli(['invoke', example('openapi.yaml'), 'GET', '/pets', '--stage', 'dev'], cli)).toBe(0);
    expect(out[0]).toBe('HTTP 200');
    expect(out).toContain('Content-Type: application/json');
    expect(out).toContainEqual(expect.stringMatching(/^x-amzn-RequestId: [0-9a-f-]{36}$/));
    const logStart = out.findIndex((l) => l.startsWith('Execution log for request '));
    expect(logStart).toBeGreaterThan(0);
    const log = out.slice(logStart + 1);
    for (const line of log) expect(line).toMatch(/^\w{3} \w{3} \d\d \d\d:\d\d:\d\d UTC \d{4} : /);
    // The usage plan is checked (and logged) before the method request, as AWS logs it (pipeline.md §1).
    expect(log[0]).toMatch(/ : Verifying Usage Plan for request: [0-9a-f-]{36}\. API Key: {2}API Stage: a1b2c3d4e5\/dev$/);
    expect(log).toContainEqual(expect.stringMatching(/ : Starting execution for request: [0-9a-f-]{36}$/));
    expect(log).toContainEqual(expect.stringMatching(/ : HTTP Method: GET, Resource Path: \/pets$/));
    expect(log).toContainEqual(expect.stringMatching(/ : Method response body after transformations: \[/));
    expect(log.at(-1)).toMatch(/ : Method completed with status: 200$/);
  });

  it('answers an unknown route as API Gateway does, and takes the query string from the path', async () => {
    const { out, io: cli } = io();
    expect(await runCli(['invoke', example('openapi.yaml'), 'GET', '/nope?x=1', '--stage', 'dev', '--no-log'], cli)).toBe(0);
    expect(out[0]).toBe('HTTP 403');
    expect(out).toContain('x-amzn-ErrorType: MissingAuthenticationTokenException');
    expect(out).toContain('{"message":"Missing Authentication Token"}');
    expect(out.some((l) => l.startsWith('Execution log'))).toBe(false);
  });

  it('--json prints the response and the log for machines', async () => {
    const { out, io: cli } = io();
    expect(await runCli(['invoke', example('openapi.yaml'), 'GET', '/pets', '--stage', 'dev', '--json', '--header', 'Accept: application/json'], cli)).toBe(0);
    const parsed = JSON.parse(out.join('\n')) as { status: number; body: string; log: string[]; trace: { method: string } };
    expect(parsed.status).toBe(200);
    expect(JSON.parse(parsed.body)).toEqual([{ id: 1, name: 'Rex' }, { id: 2, name: 'Tom' }]);
    expect(parsed.log.at(-1)).toMatch(/Method completed with status: 200$/);
    expect(parsed.trace.method).toBe('GET /pets');
  });

  it('reports usage errors', async () => {
    const few = io();
    expect(await runCli(['invoke', example('openapi.yaml'), 'GET'], few.io)).toBe(2);
    expect(few.err[0]).toMatch(/invoke takes a definition file, a method and a path/);
    const header = io();
    expect(await runCli(['invoke', example('openapi.yaml'), 'GET', '/pets', '--header', 'nocolon'], header.io)).toBe(2);
    const path = io();
    expect(await runCli(['invoke', example('openapi.yaml'), 'GET', 'pets'], path.io)).toBe(2);
  });
});
