/**
 * Timing with tinybench: renders per second, median and p99 latency. Memory is the peak heap seen while
 * the task runs (sampled every 2 ms, so sampling does not weigh on fast renders) above the heap after a
 * forced collection before it.
 */
import { Bench } from 'tinybench';

export interface Stats {
  rendersPerSecond: number;
  medianUs: number;
  p99Us: number;
  samples: number;
  peakHeapMB: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

export async function measure(fn: () => unknown, options: { timeMs: number; warmupMs?: number } = { timeMs: 400 }): Promise<Stats> {
  gc?.();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  let lastSample = performance.now();
  const bench = new Bench({ time: options.timeMs, warmupTime: options.warmupMs ?? 100, iterations: 5, warmupIterations: 3 });
  bench.add('task', () => {
    fn();
    const now = performance.now();
    if (now - lastSample > 2) {
      lastSample = now;
      const used = process.memoryUsage().heapUsed;
      if (used > peak) peak = used;
    }
  });
  await bench.run();
  const result = bench.tasks[0]!.result;
  if (!result || !('latency' in result)) throw new Error(`the task did not complete: ${JSON.stringify(result)}`);
  const latency = result.latency;
  return {
    rendersPerSecond: 1000 / latency.mean,
    medianUs: latency.p50 * 1000,
    p99Us: latency.p99 * 1000,
    samples: latency.samplesCount,
    peakHeapMB: Math.max(0, peak - base) / 1024 / 1024,
  };
}

/** The median of a few runs of a function, in microseconds (for one-off measurements). */
export function medianOf(runs: number, fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push((performance.now() - start) * 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** The middle value (the upper one of an even count). */
export function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** A render in this process, or a competitor that times itself (another process: the JVM). */
export type Task = (() => unknown) | { measure(timeMs: number): Promise<Stats> };

/**
 * Several renderers measured in turns (`rounds` passes, each giving every renderer a slice of the time),
 * so a machine that speeds up or slows down during the run shifts them all alike; each statistic is the
 * median over the rounds.
 */
export async function measureInTurns(tasks: Map<string, Task>, options: { rounds: number; timeMs: number }): Promise<Map<string, Stats>> {
  const perRound = new Map<string, Stats[]>([...tasks.keys()].map((k) => [k, []]));
  for (let round = 0; round < options.rounds; round++) {
    for (const [name, task] of tasks) {
      const timeMs = options.timeMs / options.rounds;
      perRound.get(name)!.push(typeof task === 'function' ? await measure(task, { timeMs, warmupMs: round === 0 ? 100 : 20 }) : await task.measure(timeMs));
    }
  }
  const out = new Map<string, Stats>();
  for (const [name, stats] of perRound) {
    out.set(name, {
      rendersPerSecond: median(stats.map((s) => s.rendersPerSecond)),
      medianUs: median(stats.map((s) => s.medianUs)),
      p99Us: median(stats.map((s) => s.p99Us)),
      samples: stats.reduce((n, s) => n + s.samples, 0),
      peakHeapMB: Math.max(...stats.map((s) => s.peakHeapMB)),
    });
  }
  return out;
}
