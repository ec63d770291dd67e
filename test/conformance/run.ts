/**
 * `npm run conformance`: replays the renders recorded on real API Gateway (../shared/oracle), and the
 * request → response vectors of ../shared/spec/pipeline.md §12 (request-pipeline.ts), and prints one
 * line per corpus, `<corpus>: N passed, M failed`. Failures go to conformance-report.json.
 *
 * The reference stage renders seeded batches of generated cases with apigw-vtl and with the reference
 * renderer (../shared/reference, which needs Java), one corpus per family (reference/families.ts, about
 * 5,300 cases): `--reference-scale X` multiplies the counts, `--seed S`, `--shrink N` (disagreements to
 * shrink per family, default 20), `--no-reference` to skip it.
 *
 * With `--check-baseline`, exits non-zero when any corpus that ran passes fewer cases than
 * baseline.json records: fidelity only ratchets up. Without the oracle folder or Java, the stages that
 * need them say so and are skipped cleanly.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAirspeed } from './airspeed.js';
import { runIntegration } from './integration.js';
import { runPipeline } from './pipeline.js';
import { runRequestPipeline } from './request-pipeline.js';
import { ReferenceRenderer } from './reference/client.js';
import { runReferenceStage } from './reference/stage.js';
import type { CorpusResult } from './types.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const oracle = resolve(process.env['APIGW_VTL_ORACLE'] ?? join(root, '..', 'shared', 'oracle'));
const referenceDir = resolve(process.env['APIGW_VTL_REFERENCE'] ?? join(root, '..', 'shared', 'reference'));
const args = process.argv.slice(2);
const checkBaseline = args.includes('--check-baseline');
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};

const results: CorpusResult[] = [];
if (existsSync(oracle)) {
  const read = (name: string) => JSON.parse(readFileSync(join(oracle, name), 'utf8'));
  const vectors = read('integration-vectors.json');
  results.push(...runAirspeed(read('airspeed-renders.json')), runIntegration(vectors), await runPipeline(vectors));
} else {
  console.log(`conformance: AWS corpora skipped (no oracle at ${oracle})`);
}
// The request-pipeline vectors are transcribed from the spec's §12; they run where the spec is.
const spec = resolve(process.env['APIGW_VTL_SPEC'] ?? join(root, '..', 'shared', 'spec'));
if (existsSync(join(spec, 'pipeline.md'))) results.push(await runRequestPipeline());
else console.log(`conformance: request-pipeline corpus skipped (no spec at ${spec})`);

if (!args.includes('--no-reference')) {
  const why = ReferenceRenderer.unavailable(referenceDir);
  if (why) console.log(`reference: skipped (${why})`);
  else {
    const started = Date.now();
    results.push(
      ...(await runReferenceStage({ dir: referenceDir, scale: option('reference-scale', 1), seed: option('seed', 20261122), shrink: option('shrink', 20) })),
    );
    console.log(`reference stage took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

for (const r of results) console.log(`${r.corpus}: ${r.passed} passed, ${r.failed} failed`);
const reportPath = join(root, 'conformance-report.json');
writeFileSync(reportPath, JSON.stringify(results.map(({ corpus, failures }) => ({ corpus, failures })), null, 2));
console.log(`failures written to ${reportPath}`);

if (checkBaseline) {
  const baseline = JSON.parse(readFileSync(join(here, 'baseline.json'), 'utf8')) as Record<string, number>;
  let dropped = false;
  for (const [corpus, expected] of Object.entries(baseline)) {
    const result = results.find((r) => r.corpus === corpus);
    if (!result) {
      console.log(`conformance: ${corpus} did not run here, so its baseline (${expected}) is not checked`);
      continue;
    }
    const actual = result.passed;
    if (actual < expected) {
      console.error(`conformance regression: ${corpus} passes ${actual}, baseline is ${expected}`);
      dropped = true;
    }
  }
  if (dropped) process.exit(1);
  console.log('conformance: no corpus dropped below its baseline');
}
