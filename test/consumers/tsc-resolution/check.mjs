// Type-checks the consumer files under each module resolution, then runs what nodenext emitted
// (in place, so each folder's package.json decides CommonJS or ESM, as it did for the type-check).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
for (const project of ['tsconfig.node16.json', 'tsconfig.nodenext.json', 'tsconfig.bundler.json']) {
  execFileSync(process.execPath, [tsc, '-p', project], { stdio: 'inherit' });
  console.log(`${project}: type-checks`);
}
for (const file of ['cjs/index.js', 'esm/index.js']) execFileSync(process.execPath, [file], { stdio: 'inherit' });
