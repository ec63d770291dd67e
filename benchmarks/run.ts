/**
 * `npm run bench`: apigw-vtl against velocityjs (parsing per call, as peers do, and with a cached AST),
 * api-gateway-mapping-template and hand-written JavaScript, in one process and one run. Every
 * competitor's output is checked against ours first; a mismatch is reported, not timed.
 *
 * Options: `--quick` (shorter timings, for a smoke run), `--out DIR` (default benchmarks/results): where
 * results.json, results.md and scaling.svg are written.
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
import type { Competitor } from './competitors/types.js';
import { velocityjsCachedAst, velocityjsParseEveryCall } from './competitors/velocityjs.js';
import { orderBody, orderWithItems } from './data.js';
import { measureInTurns, type Stats } from './measure.js';
import { micros, rate, table, versus } from './report.js';
import { verify } from './verify.js';
import { WORKLOADS, type BenchRequest, type Workload } from './workloads.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const outDir = resolve(args.includes('--out') ? args[args.indexOf('--out') + 1]! : join(here, 'results'));
const timeMs = quick ? 60 : 500;

const COMPETITORS: Competitor[] = [ours, velocityjsCachedAst, velocityjsParseEveryCall, mappingTemplate, handWritten];

interface Row {
  workload: string;
  variant: string;
  competitor: string;
  stats?: Stats;
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
  for (const workload of WORKLOADS) {
    for (const variant of workload.variants) {
      const expected = ours.prepare(workload)(variant.request);
      const tasks = new Map<string, () => unknown>();
      const variantRows: Row[] = [];
      for (const competitor of COMPETITORS) {
        const checked = verify(competitor, workload, variant, expected);
        const row: Row = { workload: workload.name, variant: variant.label, competitor: competitor.name };
        if (checked.mismatch) row.mismatch = checked.mismatch;
        else tasks.set(competitor.name, () => checked.renderer!(variant.request));
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
  for (const workload of WORKLOADS) {
    print(`### ${workload.name} — ${workload.description}`);
    print();
    const body: string[][] = [];
    for (const variant of workload.variants) {
      const mine = rows.find((r) => r.workload === workload.name && r.variant === variant.label && r.competitor === ours.name)!.stats!;
      for (const r of rows.filter((x) => x.workload === workload.name && x.variant === variant.label)) {
        if (!r.stats) {
          body.push([variant.label, r.competitor, '—', '—', '—', '—', `not timed: ${r.mismatch!.slice(0, 70)}`]);
          continue;
        }
        const s = r.stats;
        body.push([variant.label, r.competitor, rate(s.rendersPerSecond), micros(s.medianUs), micros(s.p99Us), s.peakHeapMB.toFixed(1), r.competitor === ours.name ? '—' : versus(mine.rendersPerSecond, s.rendersPerSecond)]);
      }
    }
    print(table(['body', 'renderer', 'renders/s', 'median', 'p99', 'peak heap MB', 'vs apigw-vtl'], body));
    print();
  }
}

function stats(rows: Row[], workload: string, variant: string, competitor: string): Stats | undefined {
  return rows.find((r) => r.workload === workload && r.variant === variant && r.competitor === competitor)?.stats;
}

function targets(rows: Row[]): void {
  print('### Targets');
  print();
  const body: string[][] = [];
  for (const workload of ['passthrough', 'transform']) {
    for (const variant of WORKLOADS.find((w) => w.name === workload)!.variants) {
      const mine = stats(rows, workload, variant.label, ours.name);
      const theirs = stats(rows, workload, variant.label, velocityjsCachedAst.name);
      if (!mine || !theirs) continue;
      const ratio = mine.rendersPerSecond / theirs.rendersPerSecond;
      body.push([`${workload}, ${variant.label}`, '≥ 5× velocityjs (cached AST)', `${ratio.toFixed(1)}×`, ratio >= 5 ? 'met' : 'missed']);
    }
  }
  for (const workload of WORKLOADS) {
    for (const variant of workload.variants.filter((v) => v.request.body.length >= 100 * 1024)) {
      const mine = stats(rows, workload.name, variant.label, ours.name);
      const hand = stats(rows, workload.name, variant.label, handWritten.name);
      if (!mine || !hand) continue;
      const ratio = hand.rendersPerSecond / mine.rendersPerSecond;
      body.push([`${workload.name}, ${variant.label}`, '≤ 2× hand-written', `${ratio.toFixed(2)}×`, ratio <= 2 ? 'met' : 'missed']);
    }
  }
  print(table(['workload', 'target', 'measured', ''], body));
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
  const panels: { title: string; xLabel: string; workload: Workload; points: { x: number; request: BenchRequest }[] }[] = [
    {
      title: 'passthrough: time per render by body size',
      xLabel: 'body bytes',
      workload: WORKLOADS.find((w) => w.name === 'passthrough')!,
      points: [1024, 10 * 1024, 100 * 1024].map((b) => ({ x: b, request: { ...WORKLOADS[0]!.variants[0]!.request, body: orderBody(b) } })),
    },
    {
      title: 'transform: time per render by loop count',
      xLabel: 'items (#foreach iterations)',
      workload: WORKLOADS.find((w) => w.name === 'transform')!,
      points: [10, 100, 1000].map((n) => ({ x: n, request: { ...WORKLOADS[0]!.variants[0]!.request, body: orderWithItems(n) } })),
    },
  ];
  const chartPanels = [];
  for (const p of panels) {
    const series: Series[] = [];
    const rowsOut: string[][] = [];
    const byCompetitor = new Map(competitors.map((c) => [c.name, [] as { x: number; y: number }[]]));
    for (const point of p.points) {
      const tasks = new Map(competitors.map((c) => [c.name, ((render) => () => render(point.request))(c.prepare(p.workload))] as const));
      const stats = await measureInTurns(tasks, { rounds: 3, timeMs: quick ? 120 : 450 });
      for (const c of competitors) byCompetitor.get(c.name)!.push({ x: point.x, y: stats.get(c.name)!.medianUs });
    }
    for (const c of competitors) {
      const points = byCompetitor.get(c.name)!;
      series.push({ name: c.name, points });
      rowsOut.push([c.name, ...points.map((q) => micros(q.y)), `${(points[2]!.y / points[0]!.y).toFixed(0)}×`]);
    }
    print(`${p.title}`);
    print();
    print(table(['renderer', ...p.points.map((q) => String(q.x)), '100× input costs'], rowsOut));
    print();
    chartPanels.push({ title: p.title, xLabel: p.xLabel, series });
  }
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
console.log(`\nwrote ${join(outDir, 'results.md')}, results.json and scaling.svg (${((Date.now() - started) / 1000).toFixed(0)} s)`);
