import type { BenchRequest, Workload } from '../workloads.js';

/** Renders one request; created once per workload (what a competitor may cache, it caches here). */
export type Renderer = (request: BenchRequest) => string;

export interface Competitor {
  name: string;
  /** What the competitor is, for the report. */
  description: string;
  prepare(workload: Workload): Renderer;
}

/**
 * A render's output as a caller uses it. Strings built by appending are ropes until something reads
 * them, and every use (writing it to a socket, comparing it) flattens the rope first; reading one
 * character does that here, so no competitor is timed without the cost of its output.
 */
export function used(output: string): string {
  output.charCodeAt(0);
  return output;
}
