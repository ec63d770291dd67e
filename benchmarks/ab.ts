/**
 * A/B: this tree's dist/ against another build of apigw-vtl (a path to its dist/index.js), on every
 * workload, in alternating rounds within one process; prints the median time ratio (B / A).
 * `node --import tsx benchmarks/ab.ts /path/to/other/dist/index.js [workload] [rounds]` (build both first)
 */
import { WORKLOADS as workloads } from './workloads.js';
import { renderInput } from './competitors/render-input.js';

const [otherPath, only, roundsArg] = process.argv.slice(2);
if (!otherPath) throw new Error('usage: ab.ts <other dist/index.js> [workload name] [rounds]');
const rounds = Number(roundsArg ?? 6);
type Lib = typeof import('../src/index.js');
const a = (await import(new URL('../dist/index.js', import.meta.url).href)) as Lib;
const b = (await import(otherPath)) as Lib;

function time(fn: () => unknown, budgetMs: number): number {
  const samples: number[] = [];
  const end = performance.now() + budgetMs;
  while (performance.now() < end) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  samples.sort((x, y) => x - y);
  return samples[samples.length >> 1]!;
}

for (const w of workloads) {
  if (only && w.name !== only) continue;
  for (const v of w.variants) {
    const input = renderInput(v.request);
    const ta = a.compileTemplate(w.template);
    const tb = b.compileTemplate(w.template);
    if (ta.render(input).body !== tb.render(input).body) console.log(`${w.name} ${v.label}: outputs differ`);
    const ratios: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const x = time(() => ta.render(input), 150);
      const y = time(() => tb.render(input), 150);
      ratios.push(x / y);
    }
    ratios.sort((x, y) => x - y);
    console.log(`${(w.name + ' ' + v.label).padEnd(28)} this/other = ${ratios[ratios.length >> 1]!.toFixed(2)}`);
  }
}
