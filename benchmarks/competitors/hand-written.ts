/** The practical lower bound: a JavaScript function written by hand for each template. */
import type { Competitor } from './types.js';

export const handWritten: Competitor = {
  name: 'hand-written JS',
  description: 'a JavaScript function per template producing the same bytes (JSON.parse, string building)',
  prepare: (workload) => workload.handWritten,
};
