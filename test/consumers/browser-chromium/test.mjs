// Bundles page.js with esbuild's browser platform — so `apigw-vtl` resolves through its `browser`
// condition, from the installed tarball — and loads it in headless Chromium, which prints the DOM after
// the script ran. Chromium comes from Debian's `chromium` package (.ci/run installs it); without it this
// consumer says so and skips.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => spawnSync(p, ['--version']).status === 0);
if (!chromium) {
  console.log('browser-chromium: SKIPPED, Chromium is not installed (apt-get install chromium)');
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'apigw-vtl-browser-'));
const result = await build({ entryPoints: ['page.js'], bundle: true, platform: 'browser', format: 'iife', minify: true, write: false, metafile: true });
const inputs = Object.keys(result.metafile.inputs);
assert.ok(inputs.some((p) => p.includes('node_modules/apigw-vtl/dist/browser.js')), 'bundled the package through its browser condition');
assert.ok(!inputs.some((p) => p.startsWith('node:')), 'no Node built-in in the bundle');
writeFileSync(join(dir, 'page.html'), `<!doctype html><meta charset="utf-8"><pre id="out">not run</pre><script>${result.outputFiles[0].text}</script>`);

const run = spawnSync(
  chromium,
  ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${join(dir, 'profile')}`, '--dump-dom', `file://${join(dir, 'page.html')}`],
  { encoding: 'utf8', timeout: 60_000 },
);
const dumped = /<pre id="out">([\s\S]*?)<\/pre>/.exec(run.stdout ?? '');
assert.ok(dumped, `Chromium printed no page (status ${run.status}): ${run.stderr?.slice(-2000)}`);
const text = dumped[1].replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');
const results = JSON.parse(text);
assert.equal(results.error, undefined, results.error);
assert.deepEqual(results, {
  codecs: 'aMOpbGxvIOKckw== a+b%26%C3%BC héllo ✓',
  context: 'req-browser web',
  json: '{"name": "Zoë", "n": 3}',
  syntax: 'VtlSyntaxError 1:1',
  globals: 'undefined undefined',
});
console.log(`browser-chromium: ok (${chromium}, bundle ${Math.round(result.outputFiles[0].contents.length / 1024)} KB)`);
