import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { DEFAULT_SERVE_LIMITS, serve, type RunningServer } from '../../src/cli/serve.js';
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

  it('sets timeouts and connection limits on the server, overridable one by one', async () => {
    running = await serve({ file: example('openapi.yaml'), port: 0, log: () => undefined });
    const { server } = running;
    expect(server.headersTimeout).toBe(DEFAULT_SERVE_LIMITS.headersTimeoutMs);
    expect(server.requestTimeout).toBe(DEFAULT_SERVE_LIMITS.requestTimeoutMs);
    expect(server.keepAliveTimeout).toBe(DEFAULT_SERVE_LIMITS.keepAliveTimeoutMs);
    expect(server.maxHeadersCount).toBe(DEFAULT_SERVE_LIMITS.maxHeadersCount);
    expect(server.maxConnections).toBe(DEFAULT_SERVE_LIMITS.maxConnections);
    expect(DEFAULT_SERVE_LIMITS.headersTimeoutMs).toBeLessThan(60_000);
    await running.close();

    running = await serve({ file: example('openapi.yaml'), port: 0, log: () => undefined, limits: { headersTimeoutMs: 1000, maxConnections: 7, maxHeaderBytes: 1024 } });
    expect([running.server.headersTimeout, running.server.maxConnections]).toEqual([1000, 7]);
    expect(running.server.requestTimeout).toBe(DEFAULT_SERVE_LIMITS.requestTimeoutMs);
    const big = await fetch(`${running.url}/pets`, { headers: { 'X-Big': 'x'.repeat(2000) } });
    expect(big.status).toBe(431);
    expect((await fetch(`${running.url}/pets`)).status).toBe(200);
    await running.close();
    running = undefined;

    await expect(serve({ file: example('openapi.yaml'), port: 0, log: () => undefined, limits: { maxConnections: 0 } })).rejects.toThrow(/limits\.maxConnections must be a positive integer/);
    await expect(serve({ file: example('openapi.yaml'), port: 0, log: () => undefined, limits: { headersTimeoutMs: 5000, requestTimeoutMs: 1000 } })).rejects.toThrow(/headersTimeoutMs must not exceed/);
  });

  it('frees the sockets of clients that never finish their headers, and stays available', async () => {
    running = await serve({ file: example('openapi.yaml'), port: 0, stage: 'dev', log: () => undefined, limits: { headersTimeoutMs: 200, requestTimeoutMs: 400, maxConnections: 10 } });
    const port = Number(new URL(running.url).port);
    const started = performance.now();
    // More slow clients than connections allowed: the extra ones are closed at once, the rest on the timeout.
    const closed = Array.from({ length: 15 }, () =>
      new Promise<number>((resolve) => {
        const socket = connect({ host: '127.0.0.1', port });
        socket.on('connect', () => socket.write('GET /dev/pets HTTP/1.1\r\nHost: localhost\r\nX-Slow: '));
        socket.on('error', () => undefined);
        // Reading is what lets the client see the server close the socket.
        socket.on('data', () => undefined);
        socket.on('close', () => resolve(performance.now() - started));
        setTimeout(() => socket.destroy(), 5000).unref();
      }),
    );
    const times = await Promise.all(closed);
    expect(Math.max(...times)).toBeLessThan(3000);
    const pets = await fetch(`${running.url}/pets`);
    expect(await pets.json()).toEqual([{ id: 1, name: 'Rex' }, { id: 2, name: 'Tom' }]);
  });
});
