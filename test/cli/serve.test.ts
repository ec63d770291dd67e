import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { RunningServer } from '../../src/cli/serve.js';
import { startBin } from './bin.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const example = (name: string) => join(root, 'examples', name);

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

let running: RunningServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe('apigw-vtl serve', () => {
  it('serves an OpenAPI file: MOCK integrations answer by themselves, others 502 without a backend', async () => {
    const { out, io: cli } = io();
    running = (await runCli(['serve', example('openapi.yaml'), '--port', '0', '--stage', 'dev'], cli)) as RunningServer;
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/dev$/);
    expect(out[0]).toMatch(/^Serving Pet store at http:\/\/127\.0\.0\.1:\d+\/dev \(4 methods\)$/);
    expect(out).toContainEqual(expect.stringMatching(/GET +\/pets\/\{petId\} +AWS +\(no backend: answers 502\)/));
    const pets = await fetch(`${running.url}/pets`);
    expect(await pets.json()).toEqual([{ id: 1, name: 'Rex' }, { id: 2, name: 'Tom' }]);
    const pet = await fetch(`${running.url}/pets/1`);
    expect(pet.status).toBe(502);
    expect(((await pet.json()) as { message: string }).message).toMatch(/no Lambda handler for function 'getPet'/);
    expect(out.at(-1)).toMatch(/^GET \/dev\/pets\/1 502 .*error\(integration\)=/);
  });

  it('calls the --backend module, with --stage-var values', async () => {
    const { io: cli } = io();
    running = (await runCli(['serve', example('sam-template.yaml'), '--port', '0', '--backend', example('backend.mjs'), '--stage-var', 'version=v3'], cli)) as RunningServer;
    expect(running.url).toMatch(/\/dev$/);
    const res = await fetch(`${running.url}/orders/42`);
    expect(await res.json()).toEqual({ order: '42', status: 'shipped', api: 'v3' });
    const missing = await fetch(`${running.url}/orders/missing`);
    expect(missing.status).toBe(404);
  });

  it('reports usage errors and bad definitions with an exit code', async () => {
    const usage = io();
    expect(await runCli(['serve'], usage.io)).toBe(2);
    expect(usage.err[0]).toMatch(/serve takes exactly one definition file/);
    const port = io();
    expect(await runCli(['serve', 'x.yaml', '--port', 'abc'], port.io)).toBe(2);
    const missing = io();
    expect(await runCli(['serve', join(root, 'nope.yaml'), '--port', '0'], missing.io)).toBe(1);
    expect(missing.err[0]).toMatch(/nope\.yaml: cannot read the file/);
    const unknown = io();
    expect(await runCli(['frobnicate'], unknown.io)).toBe(2);
    const help = io();
    expect(await runCli(['help'], help.io)).toBe(0);
    expect(help.out[0]).toMatch(/^Usage: apigw-vtl <command>/);
  });

  it('runs as the built binary', async () => {
    const server = await startBin(['serve', example('openapi.yaml'), '--port', '0']);
    try {
      expect(server.firstLine).toMatch(/^Serving Pet store at http:\/\/127\.0\.0\.1:\d+\/test/);
    } finally {
      server.stop();
    }
  });
});
