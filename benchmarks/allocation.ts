/**
 * Bytes allocated by one render: the heap grown across the render, measured right after a forced full
 * collection (the young generation is then empty, so a render allocating less than it holds runs without
 * a collection). Samples during which V8 collected anyway are discarded — they would undercount — using
 * the `gc` performance entries; if every sample saw a collection the result is a lower bound.
 */
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { median } from './measure.js';

const gc = (globalThis as { gc?: () => void }).gc;

export interface Allocation {
  bytes: number;
  /** True when every sample saw a collection: `bytes` is then a lower bound. */
  lowerBound: boolean;
}

export async function allocationPerRender(render: () => unknown, samples = 7): Promise<Allocation | undefined> {
  if (!gc) return undefined;
  const collections: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => collections.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  const windows: { start: number; end: number; bytes: number }[] = [];
  for (let i = 0; i < 3; i++) render();
  for (let i = 0; i < samples; i++) {
    gc();
    const start = performance.now();
    const before = process.memoryUsage().heapUsed;
    render();
    const after = process.memoryUsage().heapUsed;
    windows.push({ start, end: performance.now(), bytes: after - before });
  }
  await new Promise((resolve) => setTimeout(resolve, 20));
  observer.disconnect();
  const clean = windows.filter((w) => !collections.some((c) => c.startTime >= w.start && c.startTime <= w.end));
  if (clean.length > 0) return { bytes: Math.max(0, median(clean.map((w) => w.bytes))), lowerBound: false };
  return { bytes: Math.max(0, Math.max(...windows.map((w) => w.bytes))), lowerBound: true };
}

export function formatBytes(a: Allocation | undefined): string {
  if (!a) return '—';
  const text = a.bytes >= 1024 * 1024 ? `${(a.bytes / 1024 / 1024).toFixed(2)} MB` : `${Math.round(a.bytes / 1024)} KB`;
  return a.lowerBound ? `≥ ${text}` : text;
}
