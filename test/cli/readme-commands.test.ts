/**
 * The README's command-line examples run as written, from the package root, on the files it names
 * (serve is started and stopped; the others must exit 0).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, runBin, startBin } from './bin.js';

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Command line'));
const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
const commands = block
  .split('\n')
  .map((line) => line.replace(/#.*$/, '').trim())
  .filter((line) => line.startsWith('npx apigw-vtl '))
  .map((line) => line.slice('npx apigw-vtl '.length).split(/\s+/));

describe('the README command line', () => {
  it('shows the commands', () => {
    expect(commands.map((c) => c[0])).toEqual(expect.arrayContaining(['render', 'check', 'lint', 'serve']));
  });

  for (const args of commands) {
    it(args.join(' '), async () => {
      if (args[0] === 'serve') {
        const server = await startBin([...args, '--port', '0']);
        server.stop();
        expect(server.firstLine).toMatch(/^Serving /);
        return;
      }
      const r = runBin(args);
      expect(r.code, r.stdout + r.stderr).toBe(0);
    }, 30_000);
  }
});
