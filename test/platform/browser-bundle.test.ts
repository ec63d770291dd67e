import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInContext, createContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions } from 'esbuild';
import { describe, expect, it } from 'vitest';
import * as node from '../../src/index.js';

/**
 * The browser entry point bundles for browsers and edge runtimes, and runs with Web globals only.
 *
 * velocityjs exports only its whole package, whose compiler pulls in `debug` (Node's build needs `tty`,
 * `util`, `os`); we use only its parser, which imports nothing. Aliasing `velocityjs` to that module is
 * the setting that gives a clean bundle on every platform (see docs/architecture.md).
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const entry = join(root, 'src', 'browser.ts');
const velocityParser = join(dirname(createRequire(import.meta.url).resolve('velocityjs')), '..', 'esm', 'parse.mjs');

/** Globals no Web runtime has: esbuild's define renames their free references, so any left shows. */
const NODE_GLOBALS = ['process', 'Buffer', 'global', '__dirname', '__filename', 'setImmediate'];
const FORBIDDEN = '__apigw_forbidden_';

async function bundle(options: BuildOptions) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'apigw',
    metafile: true,
    logLevel: 'silent',
    define: Object.fromEntries(NODE_GLOBALS.map((g) => [g, FORBIDDEN + g])),
    ...options,
  });
  const meta = result.metafile!;
  const output = Object.values(meta.outputs)[0]!;
  return { text: result.outputFiles![0]!.text, inputs: Object.keys(meta.inputs), imports: output.imports };
}

/** The module sections of an unminified bundle (esbuild heads each with `// path`) that mention `word`. */
function sectionsMentioning(text: string, word: string): string[] {
  const sections = text.split(/^ {2}\/\/ (?=\S+\.(?:m?[jt]s|cjs)$)/m).slice(1);
  return sections.filter((s) => s.includes(word)).map((s) => s.slice(0, s.indexOf('\n')));
}

/** A realm with the JavaScript built-ins and the Web APIs the core may use: no Buffer, process or require. */
function webRealm(code: string) {
  const sandbox = createContext({ TextEncoder, TextDecoder, URL, URLSearchParams, setTimeout, clearTimeout, queueMicrotask, console });
  runInContext(code, sandbox);
  expect(runInContext('typeof Buffer + typeof process + typeof require + typeof global', sandbox)).toBe('undefinedundefinedundefinedundefined');
  return sandbox.apigw as typeof node;
}

const TEMPLATE = `#set($text = "héllo wörld ✓ 😀")
#set($b64 = $util.base64Encode($text))
{
  "b64": "$b64",
  "back": "$util.base64Decode($b64)",
  "decoded": "$util.base64Decode('4pyTIMOpIPCfmIA=')",
  "url": "$util.urlEncode($text)",
  "js": "$util.escapeJavaScript($text)",
  "name": "$input.path('$.name')",
  "requestId": "$context.requestId",
  "extendedRequestId": "$context.extendedRequestId",
  "time": "$context.requestTime"
}`;
const INPUT = { body: '{"name":"Zoë"}', path: { id: '7' } };
const REQUEST_ID = 'f00dfeed-0000-4000-8000-ünïcode';

const API = `openapi: 3.0.1
info: { title: pets, version: '1' }
paths:
  /pets/{id}:
    get:
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: { application/json: '{"statusCode": 200}' }
        responses:
          default:
            statusCode: '200'
            responseTemplates:
              application/json: '{"id": "$input.params(''id'')", "b64": "$util.base64Encode(''ünï'')", "xid": "$context.extendedRequestId"}'
`;

/** What the core computes, run through a module's exports: the same calls in the Web realm and in Node. */
async function exercise(lib: typeof node) {
  const rendered = lib.compileTemplate(TEMPLATE).render(INPUT, { requestId: () => REQUEST_ID });
  const proxy = lib.renderInputFromProxyEvent({ body: 'eyJuYW1lIjoiWm/DqyJ9', isBase64Encoded: true, headers: { Accept: 'application/json' } });
  const response = await lib.createApi(API).invoke({ httpMethod: 'GET', path: '/pets/42', headers: { Accept: 'application/json' } });
  const lint = lib.lintTemplate('#macro(x)#end $context.nope');
  let tooLarge = '';
  try {
    lib.compileTemplate('é'.repeat(160_000));
  } catch (e) {
    tooLarge = (e as Error).name;
  }
  return {
    body: rendered.body,
    json: rendered.json(),
    proxyBody: proxy.body,
    status: response.statusCode,
    responseBody: response.body,
    rawBody: Array.from(response.rawBody),
    lint: lint.map((f) => f.rule),
    tooLarge,
  };
}

describe('the browser entry point', () => {
  it('bundles for the browser and neutral platforms with no Node built-in or global, and runs with Web globals only', async () => {
    const expected = await exercise(node);
    expect(expected.json).toMatchObject({
      decoded: '✓ é 😀',
      back: 'héllo wörld ✓ 😀',
      url: 'h%C3%A9llo+w%C3%B6rld+%E2%9C%93+%F0%9F%98%80',
      requestId: REQUEST_ID,
      extendedRequestId: createHash('sha256').update(REQUEST_ID).digest('base64').slice(0, 15) + '=',
    });
    expect(expected.proxyBody).toBe('{"name":"Zoë"}');
    expect(expected.status).toBe(200);
    expect(expected.tooLarge).toBe('VtlLimitError');

    const platforms: BuildOptions[] = [{ platform: 'browser' }, { platform: 'neutral', mainFields: ['module', 'main'] }];
    for (const platform of platforms) {
      const { text, inputs, imports } = await bundle({ ...platform, alias: { velocityjs: velocityParser } });
      expect(imports, platform.platform).toEqual([]);
      expect(inputs.filter((f) => /node_modules\/(debug|ms|supports-color)\/|velocityjs\/dist\/esm\/compile\//.test(f))).toEqual([]);
      for (const g of NODE_GLOBALS) expect(text.includes(FORBIDDEN + g), `${platform.platform}: ${g}`).toBe(false);
      expect(text).not.toMatch(/\b__require\b/);
      expect(await exercise(webRealm(text)), platform.platform).toEqual(expected);
    }
  });

  it("bundles for the browser with default settings too: only debug's browser build mentions process, guarded", async () => {
    const { text, imports } = await bundle({ platform: 'browser' });
    expect(imports).toEqual([]);
    expect(sectionsMentioning(text, FORBIDDEN + 'process')).toEqual(['node_modules/debug/src/browser.js']);
    expect(sectionsMentioning(text, FORBIDDEN + 'Buffer')).toEqual([]);
    expect(await exercise(webRealm(text))).toEqual(await exercise(node));
  });

  // 180 KB until the lint rules and template coverage joined the browser entry (about 8 KB gzipped, for
  // the playground); a page that only renders does not pay for them (the next test).
  it('is under 190 KB minified and gzipped, the whole API pipeline, lint and coverage included', async () => {
    const { text } = await bundle({ platform: 'browser', minify: true, alias: { velocityjs: velocityParser } });
    const gzipped = gzipSync(text).length;
    console.log(`browser bundle: ${(text.length / 1024).toFixed(1)} KB minified, ${(gzipped / 1024).toFixed(1)} KB gzipped`);
    expect(gzipped).toBeLessThan(190 * 1024);
  });

  it('costs a page that only renders templates under 70 KB gzipped: the pipeline and definition readers shake out', async () => {
    const result = await build({
      stdin: { contents: `export { renderTemplate, compileTemplate } from ${JSON.stringify(entry)};`, resolveDir: root, loader: 'ts' },
      bundle: true,
      write: false,
      minify: true,
      format: 'esm',
      platform: 'browser',
      logLevel: 'silent',
      alias: { velocityjs: velocityParser },
    });
    const text = result.outputFiles[0]!.text;
    const gzipped = gzipSync(text).length;
    console.log(`render-only bundle: ${(text.length / 1024).toFixed(1)} KB minified, ${(gzipped / 1024).toFixed(1)} KB gzipped`);
    expect(gzipped).toBeLessThan(70 * 1024);
  });
});
