/**
 * The playground's worker: renders, lints and runs property checks for the page. The page terminates
 * it when a job runs too long (and starts another), so nothing here has to be interruptible.
 */
import type { WorkerReply, WorkerRequest } from '../protocol.js';
import { findBreakingInput } from './find-breaking.js';
import { RenderJob } from './render-job.js';

interface WorkerScope {
  onmessage: ((event: { data: WorkerRequest }) => void) | null;
  postMessage(message: WorkerReply): void;
}

const scope = globalThis as unknown as WorkerScope;
const renders = new RenderJob();
/** Progress is posted at most this often: each post costs the page a repaint. */
const PROGRESS_EVERY_MS = 50;

scope.onmessage = ({ data }) => {
  const started = performance.now();
  if (data.type === 'render') {
    const { outcome, diagnostics } = renders.run(data.template, data.input);
    scope.postMessage({ type: 'rendered', id: data.id, outcome, diagnostics, ms: performance.now() - started });
    return;
  }
  let posted = 0;
  const outcome = findBreakingInput(data.template, data.property, {
    numRuns: data.numRuns,
    ...(data.seed === undefined ? {} : { seed: data.seed }),
    onProgress: (runs) => {
      const now = performance.now();
      if (now - posted < PROGRESS_EVERY_MS) return;
      posted = now;
      scope.postMessage({ type: 'progress', id: data.id, runs, numRuns: data.numRuns });
    },
  });
  scope.postMessage({ type: 'found', id: data.id, outcome, ms: performance.now() - started });
};
