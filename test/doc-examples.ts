/**
 * Runs the examples of a Markdown document as written (their asserts are the documentation's promises):
 * every ```ts block as a script from the package root; a block fenced ```ts title="….test.ts" as a
 * whole test file under vitest; a block fenced ```ts title="…" runner="jest" must equal the file of the
 * consumer project that runs it under jest from the packed tarball (test/consumers/, in CI).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

interface Block {
  title: string | undefined;
  runner: string | undefined;
  code: string;
}

/** The package's entry points, as documents import them, pointed at the sources. */
function withSourceImports(code: string): string {
  const entry = (path: string) => pathToFileURL(join(root, 'src', path)).href;
  return code
    .replaceAll(`from 'apigw-vtl'`, `from '${entry('index.ts')}'`)
    .replaceAll(`from 'apigw-vtl/browser'`, `from '${entry('browser.ts')}'`)
    .replaceAll(`from 'apigw-vtl/testing'`, `from '${entry('testing/index.ts')}'`)
    .replaceAll(`import 'apigw-vtl/vitest'`, `import '${entry('vitest/setup.ts')}'`);
}

function blocksOf(markdown: string): Block[] {
  return [...markdown.matchAll(/```ts( title="([^"]+)")?( runner="([^"]+)")?\n([\s\S]*?)```/g)].map((m) => ({ title: m[2], runner: m[4], code: m[5]! }));
}

/**
 * Declares the tests for one document.
 * @param jestFixture the consumer project whose test files the jest blocks must equal
 */
export function describeExamples(document: string, options: { minimum: number; name: string; jestFixture?: string }): void {
  const blocks = blocksOf(readFileSync(join(root, document), 'utf8'));
  const scripts = blocks.filter((b) => !b.title).map((b) => b.code);
  const vitestFiles = blocks.filter((b) => b.title && !b.runner);
  const jestFiles = blocks.filter((b) => b.runner === 'jest');
  const workDir = join(root, 'test', '.readme-examples', options.name);

  describe(`${document} examples`, () => {
    it('has examples', () => {
      if (blocks.length < options.minimum) throw new Error(`expected ${document} to show at least ${options.minimum} examples`);
    });

    scripts.forEach((code, i) => {
      it(`example ${i + 1} runs`, async () => {
        mkdirSync(workDir, { recursive: true });
        const file = join(workDir, `example-${i + 1}.ts`);
        writeFileSync(file, withSourceImports(code));
        await import(pathToFileURL(file).href);
      });
    });

    vitestFiles.forEach(({ title, code }) => {
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

    jestFiles.forEach(({ title, code }) => {
      it(`the jest file ${title} is the one test/consumers/${options.jestFixture} runs`, () => {
        if (!options.jestFixture) throw new Error(`${document} has a jest block but no consumer project runs it`);
        expect(code).toBe(readFileSync(join(root, 'test', 'consumers', options.jestFixture, title!), 'utf8'));
      });
    });
  });
}
