#!/usr/bin/env node
// Builds the browser playground into dist/playground/: index.html, playground.css, playground.js (the
// page: CodeMirror and the UI) and worker.js (the engine, lint and the testing kit, which run off the
// main thread). Static files only: any static host serves it, and `apigw-vtl playground` serves it on
// localhost. Each bundle is one file with no imports at run time, so the page makes no request beyond
// its own four files.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'playground');
const out = join(root, 'dist/playground');

export async function buildPlayground() {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const common = {
    bundle: true,
    platform: 'browser',
    format: 'iife',
    // Browsers of the last few years; Workers and ES2020 syntax everywhere the page is meant to run.
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    minify: true,
    legalComments: 'eof',
    logLevel: 'warning',
    // The library's Node-only modules must never reach the page.
    external: [],
  };
  const [page, worker] = await Promise.all([
    build({ ...common, entryPoints: [join(source, 'src/page/main.ts')], outfile: join(out, 'playground.js'), metafile: true }),
    build({ ...common, entryPoints: [join(source, 'src/worker/main.ts')], outfile: join(out, 'worker.js'), metafile: true }),
  ]);
  for (const result of [page, worker]) {
    const nodeBuiltins = Object.keys(result.metafile.inputs).filter((p) => p.startsWith('node:'));
    if (nodeBuiltins.length) throw new Error(`the playground bundles Node built-ins: ${nodeBuiltins.join(', ')}`);
  }
  copyFileSync(join(source, 'index.html'), join(out, 'index.html'));
  copyFileSync(join(source, 'playground.css'), join(out, 'playground.css'));
  const files = ['index.html', 'playground.css', 'playground.js', 'worker.js'];
  const sizes = Object.fromEntries(
    files.map((f) => {
      const bytes = readFileSync(join(out, f));
      return [f, { bytes: statSync(join(out, f)).size, gzip: gzipSync(bytes, { level: 9 }).length }];
    }),
  );
  return sizes;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const sizes = await buildPlayground();
  for (const [file, { bytes, gzip }] of Object.entries(sizes)) console.log(`${file.padEnd(16)} ${(bytes / 1024).toFixed(1).padStart(7)} KB  ${(gzip / 1024).toFixed(1).padStart(6)} KB gzipped`);
}
