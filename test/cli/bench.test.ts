/** `apigw-vtl bench`, run as the built binary. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from './bin.js';

describe('apigw-vtl bench (built CLI)', () => {
  it('measures a template at several body sizes and prints renders/s, latency, allocation and growth', () => {
    const r = runBin(['bench', 'examples/templates/create-pet.vtl', '--body', '@examples/body.json', '--sizes', '1kb,64kb', '--time', '50']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^examples\/templates\/create-pet\.vtl\n/);
    expect(r.stdout).toMatch(/ 1 KB body +[\d,]+ renders\/s {2}median [\d.]+ ms {2}p99 [\d.]+ ms {2}allocates [\d.]+ (B|KB|MB) {2}output /);
    expect(r.stdout).toMatch(/ 64 KB body /);
    expect(r.stdout).toMatch(/time grows .* with the body \(exponent -?[\d.]+\)/);
    expect(r.stdout).toContain('█');
  }, 30_000);

  it('--compare gives an A/B statement, --json the report, --chart an SVG', () => {
    const dir = mkdtempSync(join(tmpdir(), 'apigw-bench-'));
    const chart = join(dir, 'chart.svg');
    const r = runBin(['bench', 'examples/templates/create-pet.vtl', '--body', '@examples/body.json', '--compare', 'examples/templates/create-pet.vtl', '--time', '50', '--json', '--chart', chart]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { cases: unknown[]; comparison: { statement: string; p: number }[] };
    expect(report.cases).toHaveLength(1);
    expect(report.comparison[0]!.statement).toMatch(/^(no significant difference|B is)/);
    expect(readFileSync(chart, 'utf8')).toMatch(/^<svg /);
  }, 30_000);

  it('measures every template of a definition, and reports errors and usage', () => {
    const all = runBin(['bench', 'examples/openapi.yaml', '--time', '20']);
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout).toMatch(/GET \/pets\/\{petId\} request application\/json/);
    const broken = runBin(['bench', '-'], { input: '#if(' });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/<stdin>:1:/);
    expect(runBin(['bench', 'examples/templates/create-pet.vtl', '--sizes', 'huge']).code).toBe(2);
  }, 30_000);
});
