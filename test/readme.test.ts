import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Every ```ts example in the README runs as written (its asserts are the documentation's promises).
 * A block fenced ```ts title="….test.ts" is a whole test file: it runs under vitest on its own.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```ts( title="([^"]+)")?\n([\s\S]*?)```/g)].map((m) => ({ title: m[2], code: m[3]! }));
const examples = blocks.filter((b) => !b.title).map((b) => b.code);
const testFiles = blocks.filter((b) => b.title);
const workDir = join(root, 'test', '.readme-examples');

/** The package's entry points, as the README imports them, pointed at the sources. */
function withSourceImports(code: string): string {
  const entry = (path: string) => pathToFileURL(join(root, 'src', path)).href;
  return code
    .replaceAll(`from 'apigw-vtl'`, `from '${entry('index.ts')}'`)
    .replaceAll(`from 'apigw-vtl/testing'`, `from '${entry('testing/index.ts')}'`)
    .replaceAll(`import 'apigw-vtl/vitest'`, `import '${entry('vitest/setup.ts')}'`);
}

describe('README examples', () => {
  it('has examples', () => {
    if (examples.length < 3) throw new Error('expected the README to show at least three examples');
  });

  examples.forEach((code, i) => {
    it(`example ${i + 1} runs`, async () => {
      mkdirSync(workDir, { recursive: true });
      const file = join(workDir, `example-${i + 1}.ts`);
      writeFileSync(file, withSourceImports(code));
      await import(pathToFileURL(file).href);
    });
  });

  testFiles.forEach(({ title, code }) => {
    it(`the test file ${title} passes under vitest`, () => {
      const dir = join(workDir, 'suite');
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      // `.spec.ts`, so the project's own suite (test/**/*.test.ts) never picks it up.
      writeFileSync(join(dir, 'readme.spec.ts'), withSourceImports(code));
      writeFileSync(join(dir, 'vitest.config.mjs'), `export default { test: { include: ['readme.spec.ts'], root: ${JSON.stringify(dir)} } };\n`);
      const run = spawnSync(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', join(dir, 'vitest.config.mjs')], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', CI: '1' },
      });
      expect(run.status, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toMatch(/Tests\s+\d+ passed/);
    }, 60_000);
  });
});
