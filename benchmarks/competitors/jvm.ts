/**
 * JVM Velocity 1.7 — what API Gateway runs — through the reference renderer (../shared/reference: Velocity
 * 1.7, Jayway JsonPath, json-smart, configured like API Gateway), when it and Java are present. It is a
 * separate process spoken to in JSON Lines, so it cannot be timed one call at a time without timing the
 * pipe: cases are sent in batches of identical lines and a sample is the batch's wall time divided by its
 * size. The JVM parses each case line (the body is a JSON string inside it) and caches the template, so
 * a sample is: decode the case, build the context, render, encode the answer. Batches are sized so a
 * sample takes at least 20 ms, and the JIT is warmed on each workload before its first sample.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { median, type Stats } from '../measure.js';
import type { BenchRequest } from '../workloads.js';
import { renderInput } from './render-input.js';

export const JVM_NAME = 'JVM Velocity 1.7';

/** Why the JVM competitor cannot run here, or null. */
export function jvmUnavailable(dir: string): string | null {
  if (!existsSync(join(dir, 'render.sh'))) return `no reference renderer at ${dir}`;
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error || java.status !== 0) return 'java is not installed';
  const build = spawnSync('bash', [join(dir, 'render.sh')], { input: '', encoding: 'utf8', timeout: 180_000 });
  if (build.status !== 0) return `the reference renderer does not build: ${(build.stderr || '').trim().split('\n').pop()}`;
  return null;
}

export class JvmRenderer {
  private readonly child: ChildProcessWithoutNullStreams;
  private waiting: { remaining: number; last: string; done: (last: string) => void } | null = null;
  private readonly warmed = new Set<string>();

  constructor(dir: string) {
    this.child = spawn('bash', [join(dir, 'render.sh')], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr.resume();
    createInterface({ input: this.child.stdout, crlfDelay: Infinity }).on('line', (line) => {
      const w = this.waiting;
      if (!w) return;
      w.last = line;
      if (--w.remaining === 0) {
        this.waiting = null;
        w.done(line);
      }
    });
  }

  private static caseLine(template: string, request: BenchRequest): string {
    return JSON.stringify({ id: 0, template, input: renderInput(request) }) + '\n';
  }

  /** Sends `count` copies of a case and resolves with the last answer when all have arrived. */
  private batch(line: string, count: number): Promise<string> {
    return new Promise((resolve) => {
      this.waiting = { remaining: count, last: '', done: resolve };
      // One write per batch: the pipe, not a loop of small writes, carries the cases.
      this.child.stdin.write(line.repeat(count));
    });
  }

  /** The rendered body, or the reason there is none. */
  async render(template: string, request: BenchRequest): Promise<{ body: string } | { error: string }> {
    const answer = JSON.parse(await this.batch(JvmRenderer.caseLine(template, request), 1)) as { body?: string; error?: string };
    return answer.error !== undefined ? { error: answer.error } : { body: answer.body ?? '' };
  }

  /** Samples of the time per case, for about `timeMs`, after a JIT warm-up the first time a case is seen. */
  async measure(template: string, request: BenchRequest, timeMs: number): Promise<Stats> {
    const line = JvmRenderer.caseLine(template, request);
    // A batch holds at most ~8 MB of case text, so a 1 MB body is not queued 100 times over.
    const maxCount = Math.max(1, Math.floor((8 * 1024 * 1024) / line.length));
    let count = 1;
    const key = line.length + ':' + template;
    if (!this.warmed.has(key)) {
      const until = performance.now() + 1500;
      while (performance.now() < until) await this.batch(line, Math.min(count, maxCount));
      this.warmed.add(key);
    }
    for (;;) {
      const start = performance.now();
      await this.batch(line, count);
      if (performance.now() - start >= 20 || count >= maxCount) break;
      count = Math.min(maxCount, count * 2);
    }
    const perCaseUs: number[] = [];
    const until = performance.now() + timeMs;
    while (perCaseUs.length < 5 || performance.now() < until) {
      const start = performance.now();
      await this.batch(line, count);
      perCaseUs.push(((performance.now() - start) * 1000) / count);
    }
    const meanUs = perCaseUs.reduce((a, b) => a + b, 0) / perCaseUs.length;
    return { rendersPerSecond: 1e6 / meanUs, medianUs: median(perCaseUs), p99Us: Number.NaN, samples: perCaseUs.length * count, peakHeapMB: Number.NaN };
  }

  stop(): void {
    this.child.kill('SIGKILL');
  }
}
