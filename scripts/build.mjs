#!/usr/bin/env node
// Builds both formats: dist/ (ESM, the package's own "type": "module") and dist/cjs/ (CommonJS).
// dist/cjs/package.json says "type": "commonjs" so Node loads the .js files there as CommonJS and
// TypeScript (node16/nodenext) reads the .d.ts files next to them as CommonJS declarations.
// `--clean` empties dist/ first, so a packed tarball never carries files of deleted sources; plain
// builds leave it alone, since other processes (the CLI tests) may be reading dist/ meanwhile.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPlayground } from './build-playground.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

if (process.argv.includes('--clean')) rmSync(join(root, 'dist'), { recursive: true, force: true });

function run(project) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '-p', project], { cwd: root, stdio: 'inherit' });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

// The two compilations are independent; running them side by side halves the build on two cores.
// The playground's bundles (esbuild, from the sources) build meanwhile: they do not read dist/.
const [codes] = await Promise.all([Promise.all([run('tsconfig.build.json'), run('tsconfig.cjs.json')]), buildPlayground()]);
if (codes.some((code) => code !== 0)) process.exit(1);

mkdirSync(join(root, 'dist/cjs'), { recursive: true });
writeFileSync(join(root, 'dist/cjs/package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);

// `declare module 'vitest'` merges into whichever vitest declarations the declaring file resolves: from
// a CommonJS .d.ts that is vitest's index.d.cts, which ESM test files never see, and TypeScript
// resolves tsconfig `types: ["apigw-vtl/vitest"]` as CommonJS even in an ESM project. So the CommonJS
// declarations of apigw-vtl/vitest take their augmentation from the ESM ones, which merge into the
// declarations both of vitest's entry points re-export.
writeFileSync(
  join(root, 'dist/cjs/vitest/setup.d.ts'),
  [
    '/// <reference path="../../vitest/setup.d.ts" />',
    "import { renderResultSerializer, templateMatchers } from '../testing/matchers.js';",
    'export { templateMatchers, renderResultSerializer };',
    '',
  ].join('\n'),
);
