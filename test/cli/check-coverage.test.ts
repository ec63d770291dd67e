import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from './bin.js';

const dir = mkdtempSync(join(tmpdir(), 'apigw-vtl-checkcov-'));

const template = `#set($pet = $input.path('$'))
{
#if($pet.type == "dog")
  "sound": "woof",
#elseif($input.path('$.type').equals("cat"))
  "sound": "meow",
#end
  "name": "$util.escapeJavaScript($pet.name).replaceAll("\\\\'", "'")"
}`;

describe('apigw-vtl check and coverage (built binary)', () => {
  it('aims generated bodies at the values conditions compare with, so their branches are reached', () => {
    const file = join(dir, 'pet.vtl');
    writeFileSync(file, template);
    const r = runBin(['check', 'pet.vtl', '--runs', '60', '--seed', '7', '--coverage', 'cov'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('    coverage: 8/8 lines, 3/3 branches\n');
    const lcov = readFileSync(join(dir, 'cov', 'lcov.info'), 'utf8');
    expect(lcov).toContain('SF:pet.vtl\n');
    const taken = [...lcov.matchAll(/^BRDA:3,0,(\d),(\d+)$/gm)].map((m) => Number(m[2]));
    expect(taken).toHaveLength(3);
    expect(taken.every((n) => n > 0)).toBe(true);
    const json = JSON.parse(readFileSync(join(dir, 'cov', 'coverage.json'), 'utf8'));
    expect(json.files[0].file).toBe('pet.vtl');
  });

  it('names what no generated request reached, and writes coverage beside a machine format on standard error', () => {
    const file = join(dir, 'never.vtl');
    writeFileSync(file, `#if($input.path('$.n') > 1000000)\n{"big": true}\n#else\n{"big": false}\n#end`);
    const text = runBin(['check', file, '--runs', '20', '--seed', '1']);
    expect(text.stdout).toMatch(/coverage: 2\/3 lines, 1\/2 branches; never taken: line 1 #if line 1/);
    const sarif = runBin(['check', file, '--runs', '20', '--seed', '1', '--format', 'sarif', '--coverage', join(dir, 'cov2')]);
    expect(JSON.parse(sarif.stdout).version).toBe('2.1.0');
    expect(sarif.stderr).toMatch(/never\.vtl\s+66\.7% 2\/3/);
  });
});
