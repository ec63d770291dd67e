/// <reference lib="dom" />
/**
 * JobWorker with a stand-in Worker: a job past its time, or cancelled, ends as `stopped` and the worker
 * is terminated, and the next job gets a fresh worker; replies of stopped jobs are ignored.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { JobWorker } from '../../playground/src/page/worker-client.js';

class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  posted: { id: number; type: string }[] = [];
  terminated = false;
  constructor(readonly url: string) {
    FakeWorker.made.push(this);
  }
  postMessage(m: { id: number; type: string }): void {
    this.posted.push(m);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(data: unknown): void {
    this.onmessage?.({ data });
  }
}

const original = (globalThis as { Worker?: unknown }).Worker;
(globalThis as { Worker?: unknown }).Worker = FakeWorker;
afterEach(() => {
  FakeWorker.made = [];
});
process.on('exit', () => ((globalThis as { Worker?: unknown }).Worker = original));

const job = { type: 'render', template: 'x', input: {} } as const;

describe('JobWorker', () => {
  it('resolves with the reply of its job, passing progress on', async () => {
    const w = new JobWorker('worker.js', 1000);
    const progress: number[] = [];
    const pending = w.run({ type: 'find', template: 'x', property: { kind: 'renders-valid-json' }, numRuns: 10 }, (p) => progress.push(p.runs));
    const fake = FakeWorker.made[0]!;
    const id = fake.posted[0]!.id;
    fake.reply({ type: 'progress', id, runs: 3, numRuns: 10 });
    fake.reply({ type: 'found', id, outcome: { ok: true, property: 'p', numRuns: 10 }, ms: 1 });
    expect(await pending).toMatchObject({ type: 'found' });
    expect(progress).toEqual([3]);
    expect(w.busy).toBe(false);
  });

  it('stops a job past its time, terminates the worker and starts a fresh one for the next job', async () => {
    const w = new JobWorker('worker.js', 20);
    expect(await w.run(job)).toEqual({ type: 'stopped', reason: 'it ran longer than 0.02 s' });
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    const next = w.run(job);
    expect(FakeWorker.made).toHaveLength(2);
    const fresh = FakeWorker.made[1]!;
    fresh.reply({ type: 'rendered', id: fresh.posted[0]!.id, outcome: { ok: true }, diagnostics: [], ms: 1 });
    expect(await next).toMatchObject({ type: 'rendered' });
  });

  it('ignores replies to other jobs, and stop() ends the running one', async () => {
    const w = new JobWorker('worker.js', undefined);
    const pending = w.run(job);
    const fake = FakeWorker.made[0]!;
    fake.reply({ type: 'rendered', id: 999, outcome: { ok: true }, diagnostics: [], ms: 1 });
    expect(w.busy).toBe(true);
    w.stop('stopped');
    expect(await pending).toEqual({ type: 'stopped', reason: 'stopped' });
    expect(fake.terminated).toBe(true);
  });

  it('a worker that fails to load ends the job with the reason', async () => {
    const w = new JobWorker('worker.js', undefined);
    const pending = w.run(job);
    FakeWorker.made[0]!.onerror?.({ message: '', preventDefault() {} });
    expect(await pending).toEqual({ type: 'stopped', reason: 'the worker failed: it could not be loaded' });
  });
});
