/** Before anything is timed: every competitor's output must equal apigw-vtl's, byte for byte. */
import type { Competitor, Renderer } from './competitors/types.js';
import type { Variant, Workload } from './workloads.js';

export interface Verified {
  renderer?: Renderer;
  /** Why the competitor is not timed on this variant. */
  mismatch?: string;
}

/** Where two outputs first differ. */
export function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function around(text: string, at: number): string {
  return JSON.stringify(text.slice(Math.max(0, at - 30), at + 30));
}

export function verify(competitor: Competitor, workload: Workload, variant: Variant, expected: string): Verified {
  let renderer: Renderer;
  let output: string;
  try {
    renderer = competitor.prepare(workload);
    output = renderer(variant.request);
  } catch (e) {
    return { mismatch: `fails: ${(e as Error)?.message?.split('\n')[0] ?? String(e)}` };
  }
  if (output === expected) return { renderer };
  const at = firstDifference(output, expected);
  return { mismatch: `output differs at offset ${at}: ${around(output, at)} vs ${around(expected, at)}` };
}
