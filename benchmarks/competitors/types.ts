import type { BenchRequest, Workload } from '../workloads.js';

/** Renders one request; created once per workload (what a competitor may cache, it caches here). */
export type Renderer = (request: BenchRequest) => string;

export interface Competitor {
  name: string;
  /** What the competitor is, for the report. */
  description: string;
  prepare(workload: Workload): Renderer;
}
