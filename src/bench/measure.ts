/**
 * Timing one render case: warm-up, then batches of renders long enough for the clock's resolution, each
 * batch one sample of the time per render. Two cases compared run in alternating batches, so that what
 * disturbs the machine (GC, other processes, frequency scaling) lands on both.
 */
export interface TimingOptions {
  /** How long to sample each case (ms of wall time, split between compared cases). */
  timeMs: number;
  /** Fewest samples per case, however long it takes. */
  minSamples: number;
  /** The clock (ms); `performance.now` by default. */
  clock: () => number;
}

/** The shortest batch worth timing: well above timer resolution (browsers coarsen it to 0.1 ms or more). */
const MIN_BATCH_MS = 1;

/** Renders per batch so that a batch lasts about {@link MIN_BATCH_MS}. */
function batchSize(run: () => void, clock: () => number): number {
  let n = 1;
  for (;;) {
    const start = clock();
    for (let i = 0; i < n; i++) run();
    const elapsed = clock() - start;
    if (elapsed >= MIN_BATCH_MS || n >= 1 << 20) return n;
    n *= elapsed <= 0 ? 8 : Math.min(8, Math.ceil((MIN_BATCH_MS * 1.2) / elapsed));
  }
}

function sampleOnce(run: () => void, n: number, clock: () => number): number {
  const start = clock();
  for (let i = 0; i < n; i++) run();
  return (clock() - start) / n;
}

/** Per-render times (ms) of each runner, sampled in alternation. */
export function sampleAlternating(runs: readonly (() => void)[], options: TimingOptions): number[][] {
  const { clock } = options;
  // Warm-up doubles as calibration: the JIT settles while the batch sizes are found.
  const sizes = runs.map((run) => batchSize(run, clock));
  const samples: number[][] = runs.map(() => []);
  const deadline = clock() + options.timeMs;
  while (samples[0]!.length < options.minSamples || clock() < deadline) {
    runs.forEach((run, i) => samples[i]!.push(sampleOnce(run, sizes[i]!, clock)));
    if (samples[0]!.length >= 100_000) break;
  }
  return samples;
}
