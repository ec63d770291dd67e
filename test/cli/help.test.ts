import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, runBin } from './bin.js';

describe('apigw-vtl help (built binary)', () => {
  it.each(['render', 'check', 'lint', 'serve'])('%s --help explains the command', (command) => {
    const r = runBin([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: apigw-vtl ${command} `));
    expect(r.stdout).toContain('-h, --help');
    expect(runBin(['help', command]).stdout).toBe(r.stdout);
  });

  it('lists the commands, and prints the version', () => {
    const r = runBin(['--help']);
    expect(r.stdout).toMatch(/Commands:\n {2}render {6}render a template for one request\n {2}check {7}/);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(runBin(['--version']).stdout).toBe(`${pkg.version}\n`);
    expect(runBin([]).code).toBe(2);
    expect(runBin(['nope']).stderr).toMatch(/^apigw-vtl: unknown command 'nope'/);
  });
});
