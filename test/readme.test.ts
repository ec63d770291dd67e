import { describe, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Every ```ts example in the README runs as written (its asserts are the documentation's promises). */
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const examples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
const workDir = join(root, 'test', '.readme-examples');

describe('README examples', () => {
  it('has examples', () => {
    if (examples.length < 3) throw new Error('expected the README to show at least three examples');
  });

  examples.forEach((code, i) => {
    it(`example ${i + 1} runs`, async () => {
      mkdirSync(workDir, { recursive: true });
      const file = join(workDir, `example-${i + 1}.ts`);
      const entry = pathToFileURL(join(root, 'src', 'index.ts')).href;
      writeFileSync(file, code.replaceAll(`from 'apigw-vtl'`, `from '${entry}'`));
      await import(pathToFileURL(file).href);
    });
  });
});
