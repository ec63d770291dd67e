/**
 * `npm run conformance`: replays the renders recorded on real API Gateway (../shared/oracle) and prints one
 * line per corpus, `<corpus>: N passed, M failed`. Failures go to conformance-report.json.
 *
 * With `--check-baseline`, exits non-zero when any corpus passes fewer vectors than baseline.json
 * records: fidelity only ratchets up. Without the oracle folder, it says so and exits cleanly.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAirspeed } from './airspeed.js';
import { runIntegration } from './integration.js';
import type { CorpusResult } from './types.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const oracle = resolve(process.env['APIGW_VTL_ORACLE'] ?? join(root, '..', 'shared', 'oracle'));
const checkBaseline = process.argv.includes('--check-baseline');

if (!existsSync(oracle)) {
  console.log(`conformance: skipped (no oracle at ${oracle})`);
  process.exit(0);
}

const read = (name: string) => JSON.parse(readFileSync(join(oracle, name), 'utf8'));
const results: CorpusResult[] = [
  ...runAirspeed(read('airspeed-renders.json')),
  runIntegration(read('integration-vectors.json')),
];

for (const r of results) console.log(`${r.corpus}: ${r.passed} passed, ${r.failed} failed`);
const reportPath = join(root, 'conformance-report.json');
writeFileSync(reportPath, JSON.stringify(results.map(({ corpus, failures }) => ({ corpus, failures })), null, 2));
console.log(`failures written to ${reportPath}`);

if (checkBaseline) {
  const baseline = JSON.parse(readFileSync(join(here, 'baseline.json'), 'utf8')) as Record<string, number>;
  let dropped = false;
  for (const [corpus, expected] of Object.entries(baseline)) {
    const actual = results.find((r) => r.corpus === corpus)?.passed ?? 0;
    if (actual < expected) {
      console.error(`conformance regression: ${corpus} passes ${actual}, baseline is ${expected}`);
      dropped = true;
    }
  }
  if (dropped) process.exit(1);
  console.log('conformance: no corpus dropped below its baseline');
}
