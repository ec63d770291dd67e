/**
 * The cold path. Compile time per KB of template (in this process, after warm-up: the cost a server pays
 * for each new template), and first-render latency: compile plus one render in a fresh Node process,
 * before the JIT has seen the code — what a test that renders a template once pays.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import velocity from 'velocityjs';
import { compileTemplate } from '../src/index.js';
import { medianOf } from './measure.js';
import { WORKLOADS } from './workloads.js';

const here = dirname(fileURLToPath(import.meta.url));

/** A template of about `bytes`: the passthrough template's lines repeated (each copy a valid template). */
export function templateOfSize(bytes: number): string {
  const unit = WORKLOADS[0]!.template;
  return unit.repeat(Math.max(1, Math.round(bytes / unit.length)));
}

export interface CompileCost {
  kb: number;
  oursUsPerKb: number;
  velocityjsParseUsPerKb: number;
}

export function compileCosts(sizesKb: number[]): CompileCost[] {
  return sizesKb.map((kb) => {
    const source = templateOfSize(kb * 1024);
    const actualKb = source.length / 1024;
    for (let i = 0; i < 3; i++) {
      compileTemplate(source);
      velocity.parse(source);
    }
    const runs = kb >= 100 ? 5 : 21;
    return {
      kb,
      oursUsPerKb: medianOf(runs, () => compileTemplate(source)) / actualKb,
      velocityjsParseUsPerKb: medianOf(runs, () => velocity.parse(source)) / actualKb,
    };
  });
}

export interface FirstRender {
  competitor: string;
  firstUs: number;
  secondUs: number;
}

/** Runs cold-child.ts in fresh processes; the median of `runs`. */
export function firstRenders(runs = 5): FirstRender[] {
  const out: FirstRender[] = [];
  for (const competitor of ['apigw-vtl', 'velocityjs (parse per call)', 'hand-written JS']) {
    const firsts: number[] = [];
    const seconds: number[] = [];
    for (let i = 0; i < runs; i++) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', join(here, 'cold-child.ts'), competitor], { encoding: 'utf8', cwd: join(here, '..') });
      if (r.status !== 0) throw new Error(`cold run failed: ${r.stderr}`);
      const { first, second } = JSON.parse(r.stdout.trim().split('\n').pop()!) as { first: number; second: number };
      firsts.push(first);
      seconds.push(second);
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    out.push({ competitor, firstUs: median(firsts), secondUs: median(seconds) });
  }
  return out;
}
