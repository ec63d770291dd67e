/**
 * `npm run bench`: apigw-vtl against velocityjs (parsing per call, as peers do, and with a cached AST),
 * api-gateway-mapping-template, hand-written JavaScript and — when Java and the reference renderer
 * (../shared/reference, or APIGW_VTL_REFERENCE) are present — JVM Velocity 1.7, in one run. Every
 * competitor's output is checked against ours first; a mismatch is reported, not timed.
 *
 * Options: `--quick` (shorter timings, for a smoke run), `--no-jvm`, `--only NAME,…` (workloads),
 * `--out DIR` (default benchmarks/results): where results.json, results.md and scaling.svg are written.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lineChart, type Series } from './chart.js';
import { compileCosts, firstRenders } from './cold.js';
import { handWritten } from './competitors/hand-written.js';
import { mappingTemplate } from './competitors/mapping-template.js';
import { ours } from './competitors/ours.js';
import { used, type Competitor } from './competitors/types.js';
import { velocityjsCachedAst, velocityjsParseEveryCall } from './competitors/velocityjs.js';
import { orderBody, sizeLabel } from './data.js';
import { allocationPerRender, formatBytes, type Allocation } from './allocation.js';
import { growthExponent } from '../src/bench/statistics.js';
import { JVM_NAME, JvmRenderer, jvmUnavailable } from './competitors/jvm.js';
import { measureInTurns, type Stats, type Task } from './measure.js';
import { micros, rate, table, versus } from './report.js';
import { firstDifference, verify } from './verify.js';
import { WORKLOADS, paged, pagedBody, withBody, type BenchRequest, type Workload } from './workloads.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const outDir = resolve(args.includes('--out') ? args[args.indexOf('--out') + 1]! : join(here, 'results'));
const timeMs = quick ? 60 : 500;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1]!.split(',') : null;
const workloads = only ? WORKLOADS.filter((w) => only.includes(w.name)) : WORKLOADS;

const referenceDir = resolve(process.env['APIGW_VTL_REFERENCE'] ?? join(here, '..', '..', 'shared', 'reference'));
const jvmMissing = args.includes('--no-jvm') ? 'not asked for (--no-jvm)' : jvmUnavailable(referenceDir);
const jvm = jvmMissing === null ? new JvmRenderer(referenceDir) : null;

const COMPETITORS: Competitor[] = [ours, velocityjsCachedAst, velocityjsParseEveryCall, mappingTemplate, handWritten];

interface Row {
  workload: string;
  variant: string;
  competitor: string;
  stats?: Stats;
  allocation?: Allocation;
  mismatch?: string;
}

const lines: string[] = [];
function print(text = ''): void {
  console.log(text);
  lines.push(text);
}

function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 1024 ** 3)} GB, Node ${process.version}, ${process.platform}`;
}

async function throughput(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const workload of workloads) {
    for (const variant of workload.variants) {
      const expected = ours.prepare(workload)(variant.request);
      const tasks = new Map<string, Task>();
      const variantRows: Row[] = [];
      for (const competitor of COMPETITORS) {
        const checked = verify(competitor, workload, variant, expected);
        const row: Row = { workload: workload.name, variant: variant.label, competitor: competitor.name };
        if (checked.mismatch) row.mismatch = checked.mismatch;
        else {
          const render = checked.renderer!;
          tasks.set(competitor.name, () => used(render(variant.request)));
          row.allocation = await allocationPerRender(() => used(render(variant.request)));
        }
        variantRows.push(row);
      }
      if (jvm) {
        const row: Row = { workload: workload.name, variant: variant.label, competitor: JVM_NAME };
        const answer = await jvm.render(workload.template, variant.request);
        if ('error' in answer) row.mismatch = `fails: ${answer.error.split('\n')[0]}`;
        else if (answer.body !== expected) row.mismatch = `output differs at offset ${firstDifference(answer.body, expected)}`;
        else tasks.set(JVM_NAME, { measure: (ms) => jvm.measure(workload.template, variant.request, ms) });
        variantRows.push(row);
      }
      const stats = await measureInTurns(tasks, { rounds: 3, timeMs: timeMs * 1.5 });
      for (const row of variantRows) row.stats = stats.get(row.competitor);
      rows.push(...variantRows);
      process.stderr.write('.');
    }
  }
  process.stderr.write('\n');
  return rows;
}

function throughputTables(rows: Row[]): void {
  for (const workload of workloads) {
    print(`### ${workload.name} — ${workload.description}`);
    print();
    const body: string[][] = [];
    for (const variant of workload.variants) {
      const mine = rows.find((r) => r.workload === workload.name && r.variant === variant.label && r.competitor === ours.name)!.stats!;
      for (const r of rows.filter((x) => x.workload === workload.name && x.variant === variant.label)) {
        if (!r.stats) {
          body.push([variant.label, r.competitor, '—', '—', '—', '—', '—', `not timed: ${r.mismatch!.slice(0, 70)}`]);
          continue;
        }
        const s = r.stats;
        const heap = Number.isNaN(s.peakHeapMB) ? '—' : s.peakHeapMB.toFixed(1);
        body.push([variant.label, r.competitor, rate(s.rendersPerSecond), micros(s.medianUs), Number.isNaN(s.p99Us) ? '—' : micros(s.p99Us), formatBytes(r.allocation), heap, r.competitor === ours.name ? '—' : versus(mine.rendersPerSecond, s.rendersPerSecond)]);
      }
    }
    print(table(['body', 'renderer', 'renders/s', 'median', 'p99', 'allocated per render', 'peak heap MB', 'vs apigw-vtl'], body));
    print();
  }
}

function stats(rows: Row[], workload: string, variant: string, competitor: string): Stats | undefined {
  return rows.find((r) => r.workload === workload && r.variant === variant && r.competitor === competitor)?.stats;
}

interface Target {
  workload: string;
  variants?: string[];
  /** What is asked, for the report. */
  text: string;
  /** The measured ratio and whether it meets the target; undefined when a competitor was not timed. */
  check(mine: Stats, rows: (competitor: string) => Stats | undefined): { ratio: string; met: boolean } | undefined;
}

/** Ours against a competitor: at least `factor` times its renders/s. */
function atLeast(competitor: string, factor: number): Target['check'] {
  return (mine, other) => {
    const theirs = other(competitor);
    if (!theirs) return undefined;
    const ratio = mine.rendersPerSecond / theirs.rendersPerSecond;
    return { ratio: `${ratio.toFixed(2)}×`, met: ratio >= factor };
  };
}

/** Ours against the hand-written function: at most `factor` times its time. */
function within(factor: number): Target['check'] {
  return (mine, other) => {
    const hand = other(handWritten.name);
    if (!hand) return undefined;
    const ratio = hand.rendersPerSecond / mine.rendersPerSecond;
    return { ratio: `${ratio.toFixed(2)}× its time`, met: ratio <= factor };
  };
}

const vjs = velocityjsCachedAst.name;
const TARGETS: Target[] = [
  { workload: 'passthrough', variants: ['100 KB body', '1 MB body'], text: '≥ 1.0× velocityjs (cached AST)', check: atLeast(vjs, 1) },
  { workload: 'passthrough', variants: ['100 KB body', '1 MB body'], text: 'within 1.3× of hand-written', check: within(1.3) },
  { workload: 'strings', text: '≥ 10× velocityjs (cached AST)', check: atLeast(vjs, 10) },
  { workload: 'arithmetic', text: '≥ 10× velocityjs (cached AST)', check: atLeast(vjs, 10) },
  { workload: 'transform', variants: ['1000 items'], text: '≥ 3× velocityjs (cached AST)', check: atLeast(vjs, 3) },
  { workload: 'transform', variants: ['1000 items'], text: 'within 1.5× of hand-written', check: within(1.5) },
  ...WORKLOADS.map((w) => ({ workload: w.name, text: `faster than ${JVM_NAME}`, check: atLeast(JVM_NAME, 1) })),
];

function targets(rows: Row[]): void {
  print('### Targets');
  print();
  const body: string[][] = [];
  for (const target of TARGETS) {
    const workload = workloads.find((w) => w.name === target.workload);
    if (!workload) continue;
    for (const variant of workload.variants.filter((v) => !target.variants || target.variants.includes(v.label))) {
      const mine = stats(rows, workload.name, variant.label, ours.name);
      const result = mine && target.check(mine, (competitor) => stats(rows, workload.name, variant.label, competitor));
      if (!result) continue;
      body.push([`${workload.name}, ${variant.label}`, target.text, result.ratio, result.met ? 'met' : 'missed']);
    }
  }
  print(table(['workload', 'target', 'measured', ''], body));
  if (!jvm) print(`\n${JVM_NAME} not measured: ${jvmMissing}.`);
  print();
}

function cold(): void {
  print('### Cold path');
  print();
  const costs = compileCosts(quick ? [1, 10] : [1, 10, 100]);
  print(table(['template size', 'apigw-vtl compile', 'velocityjs parse'], costs.map((c) => [`${c.kb} KB`, `${micros(c.oursUsPerKb)} per KB`, `${micros(c.velocityjsParseUsPerKb)} per KB`])));
  print();
  const first = firstRenders(quick ? 1 : 5);
  print(table(['passthrough, 1 KB body, fresh process', 'prepare + first render', 'second render'], first.map((f) => [f.competitor, micros(f.firstUs), micros(f.secondUs)])));
  print();
}

async function scaling(): Promise<string> {
  print('### Scaling');
  print();
  const competitors = [ours, velocityjsCachedAst, handWritten];
  const passthrough = WORKLOADS.find((w) => w.name === 'passthrough')!;
  const sizes = quick ? [1024, 10 * 1024, 100 * 1024] : [1024, 10 * 1024, 100 * 1024, 1024 * 1024, 10 * 1024 * 1024];
  const counts = quick ? [10, 100, 1000] : [10, 100, 1000, 10_000];
  const panels: { title: string; xLabel: string; workload: Workload; points: { x: number; label: string; request: BenchRequest }[] }[] = [
    {
      title: 'passthrough: time per render by body size',
      xLabel: 'body bytes',
      workload: passthrough,
      points: sizes.map((b) => ({ x: b, label: sizeLabel(b), request: withBody(orderBody(b)) })),
    },
    {
      title: 'nested loops: time per render by items rendered',
      xLabel: 'items (#foreach iterations)',
      workload: paged,
      points: counts.map((n) => ({ x: n, label: String(n), request: withBody(pagedBody(n)) })),
    },
  ];
  const chartPanels = [];
  for (const p of panels) {
    const names = [...competitors.map((c) => c.name), ...(jvm ? [JVM_NAME] : [])];
    const byCompetitor = new Map(names.map((n) => [n, [] as { x: number; y: number }[]]));
    const allocations: string[] = [];
    for (const point of p.points) {
      const tasks = new Map<string, Task>(competitors.map((c) => [c.name, ((render) => () => used(render(point.request)))(c.prepare(p.workload))] as const));
      if (jvm) tasks.set(JVM_NAME, { measure: (ms) => jvm.measure(p.workload.template, point.request, ms) });
      const stats = await measureInTurns(tasks, { rounds: 3, timeMs: quick ? 120 : 450 });
      for (const name of names) byCompetitor.get(name)!.push({ x: point.x, y: stats.get(name)!.medianUs });
      const render = ours.prepare(p.workload);
      allocations.push(formatBytes(await allocationPerRender(() => used(render(point.request)), 5)));
      process.stderr.write('.');
    }
    const series: Series[] = names.map((name) => ({ name, points: byCompetitor.get(name)! }));
    const rowsOut = series.map((s) => [s.name, ...s.points.map((q) => micros(q.y)), growthExponent(s.points).toFixed(2)]);
    rowsOut.push(['apigw-vtl allocated per render', ...allocations, '']);
    print(`${p.title}`);
    print();
    print(table(['renderer', ...p.points.map((q) => q.label), 'log–log slope'], rowsOut));
    print();
    chartPanels.push({ title: p.title, xLabel: p.xLabel, series });
  }
  process.stderr.write('\n');
  return lineChart(chartPanels, `median time per render, log–log; ${machine()}`);
}

print(`## apigw-vtl benchmarks`);
print();
print(`${machine()}; ${new Date().toISOString().slice(0, 10)}${quick ? ' (quick run)' : ''}`);
print();
const started = Date.now();
const rows = await throughput();
throughputTables(rows);
targets(rows);
cold();
const svg = await scaling();
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'scaling.svg'), svg);
writeFileSync(join(outDir, 'results.md'), lines.join('\n') + '\n');
writeFileSync(join(outDir, 'results.json'), JSON.stringify({ machine: machine(), date: new Date().toISOString(), rows }, null, 2));
jvm?.stop();
console.log(`\nwrote ${join(outDir, 'results.md')}, results.json and scaling.svg (${((Date.now() - started) / 1000).toFixed(0)} s)`);
