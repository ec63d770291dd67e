import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { browserLauncher, createPlaygroundCommand, openInBrowser } from '../../src/cli/commands/playground.js';
import { UsageError } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/main.js';
import { PLAYGROUND_CSP, PlaygroundFolderError, PlaygroundNotBuiltError, servePlayground } from '../../src/cli/playground-server.js';
import type { RunningServer } from '../../src/cli/serve.js';
import { decodePlaygroundState } from '../../src/sharing/playground-state.js';
import { runBin } from './bin.js';

const INDEX = '<!doctype html><title>playground</title><script type="module" src="app.js"></script>';
const APP = 'console.log("app");';
let dir: string;
let root: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'apigw-vtl-playground-'));
  root = join(dir, 'site');
  mkdirSync(join(root, 'assets', 'nested'), { recursive: true });
  writeFileSync(join(root, 'index.html'), INDEX);
  writeFileSync(join(root, 'app.js'), APP);
  writeFileSync(join(root, 'assets', 'nested', 'style.css'), 'body { margin: 0 }');
  writeFileSync(join(root, 'assets', 'worker.mjs'), 'self.onmessage = () => {};');
  writeFileSync(join(root, 'data.bin'), Buffer.from([0, 1, 2]));
  writeFileSync(join(dir, 'secret.txt'), 'outside the root');
  writeFileSync(join(dir, 'order.vtl'), '{"name": "$input.path(\'$.name\')", "env": "$stageVariables.env"}');
  writeFileSync(join(dir, 'input.json'), JSON.stringify({ headers: { 'X-Id': '7' }, query: { q: 'a b' } }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

async function start(options: { log?: (line: string) => void; root?: string } = {}): Promise<RunningServer> {
  const server = await servePlayground({ root: options.root ?? root, port: 0, log: options.log ?? (() => undefined) });
  running.push(server);
  return server;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with the path sent exactly as written (fetch would normalise `..` and `%2e`). */
function send(base: string, path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Raw bytes on a socket; resolves with what came back when the server closes it (or after a while). */
function raw(base: string, text: string): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) }, () => socket.end(text));
    let answer = '';
    socket.on('data', (c) => (answer += c));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(answer));
    setTimeout(() => socket.destroy(), 3000).unref();
  });
}

function io(stdin?: string) {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), readStdin: stdin === undefined ? undefined : async () => stdin } };
}

describe('servePlayground', () => {
  it('serves the folder with content types and security headers; / is index.html, queries are ignored', async () => {
    const server = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(new URL(server.url).port).not.toBe('0');

    const index = await send(server.url, '/');
    expect([index.status, index.body, index.headers['content-type']]).toEqual([200, INDEX, 'text/html; charset=utf-8']);
    expect(index.headers['content-security-policy']).toBe(
      "default-src 'none'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(index.headers['content-security-policy']).toBe(PLAYGROUND_CSP);
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(index.headers['referrer-policy']).toBe('no-referrer');
    expect(index.headers['cache-control']).toBe('no-cache');
    expect((await send(server.url, '/index.html')).body).toBe(INDEX);

    const types = await Promise.all(['/app.js?v=1', '/assets/nested/style.css', '/assets/worker.mjs', '/data.bin'].map((p) => send(server.url, p)));
    expect(types.map((r) => [r.status, r.headers['content-type']])).toEqual([
      [200, 'text/javascript; charset=utf-8'],
      [200, 'text/css; charset=utf-8'],
      [200, 'text/javascript; charset=utf-8'],
      [200, 'application/octet-stream'],
    ]);
    expect(types[0]!.body).toBe(APP);
    expect(types[0]!.headers['content-length']).toBe(String(APP.length));
  });

  it('answers 404 for unknown paths and every spelling of a way out, and logs them', async () => {
    const log: string[] = [];
    const server = await start({ log: (l) => log.push(l) });
    const paths = [
      '/nope.js',
      '/../package.json',
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/index.html%00',
      '/assets%2fnested%2fstyle.css',
      '/assets/./nested/style.css',
      '/assets//nested/style.css',
      '/assets/',
      '/%zz',
      '//app.js',
      'http://example.com/app.js',
    ];
    for (const path of paths) {
      const r = await send(server.url, path);
      expect([path, r.status]).toEqual([path, 404]);
      expect(r.headers['content-security-policy']).toBe(PLAYGROUND_CSP);
    }
    expect(log[0]).toBe('GET /nope.js 404');
    expect(log).toHaveLength(paths.length);
    expect((await send(server.url, '/app.js')).status).toBe(200);
  });

  it('takes GET and HEAD only; HEAD has the headers and no body', async () => {
    const server = await start();
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']) {
      const r = await send(server.url, '/', { method });
      expect([method, r.status, r.headers['allow']]).toEqual([method, 405, 'GET, HEAD']);
    }
    const head = await send(server.url, '/app.js', { method: 'HEAD' });
    expect([head.status, head.body, head.headers['content-length'], head.headers['content-type']]).toEqual([200, '', String(APP.length), 'text/javascript; charset=utf-8']);
    expect((await send(server.url, '/nope', { method: 'HEAD' })).body).toBe('');
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const server = await start();
    const first = await send(server.url, '/app.js');
    const etag = first.headers['etag'] as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    for (const tag of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await send(server.url, '/app.js', { headers: { 'If-None-Match': tag } });
      expect([tag, again.status, again.body, again.headers['etag']]).toEqual([tag, 304, '', etag]);
    }
    expect((await send(server.url, '/app.js', { headers: { 'If-None-Match': '"other"' } })).status).toBe(200);
    expect((await send(server.url, '/')).headers['etag']).not.toBe(etag);
  });

  it('survives hostile requests and answers the next one', async () => {
    const server = await start();
    expect(await raw(server.url, 'GARBAGE\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    expect(await raw(server.url, `GET /${'a'.repeat(40_000)} HTTP/1.1\r\nHost: x\r\n\r\n`)).toMatch(/^HTTP\/1\.1 431/);
    expect(await raw(server.url, 'GET /app.js HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    expect((await send(server.url, '/', { headers: { 'X-Big': 'x'.repeat(40_000) } }).catch(() => ({ status: 431 }))).status).toBe(431);
    const next = await send(server.url, '/app.js');
    expect([next.status, next.body]).toEqual([200, APP]);
  });

  it('refuses a folder that is not built, or too large, with a typed error', async () => {
    await expect(servePlayground({ root: join(dir, 'missing'), log: () => undefined })).rejects.toThrow(PlaygroundNotBuiltError);
    await expect(servePlayground({ root: join(dir, 'missing'), log: () => undefined })).rejects.toThrow(/the playground is not built: .*missing has no index\.html \(run npm run build first\)/);
    const noIndex = join(dir, 'no-index');
    mkdirSync(noIndex, { recursive: true });
    writeFileSync(join(noIndex, 'app.js'), APP);
    await expect(servePlayground({ root: noIndex, log: () => undefined })).rejects.toThrow(PlaygroundNotBuiltError);
    await expect(servePlayground({ root: join(root, 'app.js'), log: () => undefined })).rejects.toThrow(PlaygroundNotBuiltError);

    const many = join(dir, 'many');
    mkdirSync(many, { recursive: true });
    writeFileSync(join(many, 'index.html'), INDEX);
    for (let i = 0; i < 200; i++) writeFileSync(join(many, `f${i}.js`), '');
    const tooMany = servePlayground({ root: many, log: () => undefined });
    await expect(tooMany).rejects.toThrow(PlaygroundFolderError);
    await expect(tooMany).rejects.toThrow(/holds more than 200 files and folders/);

    // Through the CLI: the default folder is next to the compiled CLI, which the sources do not have.
    const cli = io();
    expect(await runCli(['playground', '--port', '0'], cli.io)).toBe(1);
    expect(cli.err[0]).toMatch(/^apigw-vtl: the playground is not built: .* \(run npm run build first\)$/);
  });

  it('takes the root as a file URL', async () => {
    const server = await servePlayground({ root: new URL(`file://${root}/`), port: 0, log: () => undefined });
    running.push(server);
    expect((await send(server.url, '/')).body).toBe(INDEX);
  });
});

describe('apigw-vtl playground', () => {
  it('prints the URL it serves, and keeps serving', async () => {
    const cli = io();
    const server = (await createPlaygroundCommand({ root }).run(['--port', '0'], cli.io)) as RunningServer;
    running.push(server);
    expect(cli.out).toEqual([`Playground: ${server.url}`]);
    expect((await send(server.url, '/')).body).toBe(INDEX);
  });

  it('preloads the template with the request the options give', async () => {
    const cli = io();
    const args = [join(dir, 'order.vtl'), '--port', '0', '--input', join(dir, 'input.json'), '--body', '{"name": "Bo"}', '--stage-var', 'env=dev', '--context', '{"stage": "qa"}'];
    const server = (await createPlaygroundCommand({ root }).run(args, cli.io)) as RunningServer;
    running.push(server);
    const printed = cli.out[0]!.replace(/^Playground: /, '');
    expect(printed.startsWith(`${server.url}#state=`)).toBe(true);
    expect(decodePlaygroundState(printed)).toEqual({
      template: '{"name": "$input.path(\'$.name\')", "env": "$stageVariables.env"}',
      input: { headers: { 'X-Id': '7' }, query: { q: 'a b' }, body: '{"name": "Bo"}', stageVariables: { env: 'dev' }, context: { stage: 'qa' } },
    });
  });

  it('reads the template from standard input with -', async () => {
    const cli = io('$input.body');
    running.push((await createPlaygroundCommand({ root }).run(['-', '--port', '0'], cli.io)) as RunningServer);
    expect(decodePlaygroundState(cli.out[0]!)).toEqual({ template: '$input.body', input: {} });
  });

  it('reports usage errors with exit code 2', async () => {
    const cases: [string[], RegExp][] = [
      [['a.vtl', 'b.vtl'], /at most one template file/],
      [['--body', 'x'], /give the template file too/],
      [['api.yaml'], /api\.yaml is an API definition, not a template/],
      [['a.vtl', '--input', 'a.json', '--event', 'b.json'], /give --input or --event, not both/],
      [['--port', '70000'], /--port must be an integer 0-65535/],
      [[join(dir, 'missing.vtl')], /cannot read the template .*missing\.vtl: no such file/],
      [[join(dir, 'order.vtl'), '--context', '{'], /--context is not valid JSON/],
      [['--nope'], /--nope/],
    ];
    for (const [args, message] of cases) {
      const cli = io();
      expect(await runCli(['playground', ...args], cli.io)).toBe(2);
      expect(cli.err[0]).toMatch(message);
    }
  });

  it('says when the port is taken', async () => {
    const taken = await start();
    const port = new URL(taken.url).port;
    await expect(createPlaygroundCommand({ root }).run(['--port', port], io().io)).rejects.toThrow(UsageError);
    await expect(createPlaygroundCommand({ root }).run(['--port', port], io().io)).rejects.toThrow(`port ${port} is in use`);
  });

  it('--open opens the printed URL, and a failure to open is only a warning', async () => {
    const opened: string[] = [];
    const cli = io();
    const server = (await createPlaygroundCommand({ root, openUrl: (url) => void opened.push(url) }).run([join(dir, 'order.vtl'), '--port', '0', '--open'], cli.io)) as RunningServer;
    running.push(server);
    expect(opened).toEqual([cli.out[0]!.replace(/^Playground: /, '')]);
    expect(cli.err).toEqual([]);

    const openers = [
      () => Promise.reject(Object.assign(new Error('spawn xdg-open ENOENT'), { code: 'ENOENT' })),
      () => {
        throw new Error('no display');
      },
    ];
    for (const openUrl of openers) {
      const failing = io();
      const alive = (await createPlaygroundCommand({ root, openUrl }).run(['--port', '0', '--open'], failing.io)) as RunningServer;
      running.push(alive);
      expect(failing.err).toEqual([expect.stringMatching(/^apigw-vtl: warning: cannot open a browser \((spawn xdg-open ENOENT|no display)\); open the URL above yourself$/)]);
      expect((await send(alive.url, '/')).status).toBe(200);
    }
  });

  it('opens browsers the way each platform does, and rejects when the opener is missing', async () => {
    const url = 'http://127.0.0.1:4780/#state=abc';
    expect(browserLauncher(url, 'linux')).toEqual({ command: 'xdg-open', args: [url] });
    expect(browserLauncher(url, 'darwin')).toEqual({ command: 'open', args: [url] });
    expect(browserLauncher(url, 'win32')).toEqual({ command: 'cmd', args: ['/c', 'start', '""', `"${url}"`], windowsVerbatimArguments: true });
    await expect(openInBrowser(url, { command: join(dir, 'no-such-opener'), args: [url] })).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(openInBrowser(url, { command: process.execPath, args: ['-e', ''] })).resolves.toBeUndefined();
  });

  it('explains itself in the built binary', () => {
    const r = runBin(['playground', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: apigw-vtl playground \[template\] \[options\]/);
    expect(r.stdout).toContain('--port N             port (default 4780; 0 picks a free one)');
    expect(r.stdout).toContain('--open');
    expect(r.stdout).toContain('--stage-var k=v');
    expect(r.stdout).toContain('-h, --help');
    expect(runBin(['help', 'playground']).stdout).toBe(r.stdout);
    expect(runBin(['--help']).stdout).toMatch(/\n {2}playground {2}serve the browser playground on localhost\n/);
  });
});
