/**
 * Two kinds of template bug, told apart because they call for different fixes: one that a request the
 * model allows triggers (every client can hit it), and one that only a body outside the model triggers
 * (a wrong JSON type, a missing required field, text that is not JSON — harmless behind a request
 * validator, a 500 without one). A property runs first on bodies inside the model; only when it holds
 * there does it run on bodies just outside, so a failure's class is the class of the body that shows it.
 */
import type { RenderInput } from '../../gateway/request.js';
import { bodyText } from '../../gateway/validate-input.js';
import { bodiesOutside } from '../arbitraries/outside-model.js';
import { renderInputs, type RequestShape } from '../arbitraries/request.js';
import type { BodyModel } from './body-model.js';
import type { PropertyFailure, TemplateCheck } from './template-check.js';

/** `valid-request`: a body inside the model shows the failure. `outside-model`: only a body outside does. */
export type BugClass = 'valid-request' | 'outside-model';

export const BUG_CLASSES: readonly BugClass[] = ['valid-request', 'outside-model'];

export interface ClassifiedRun {
  /** Runs for each kind of body. */
  numRuns: number;
  seed: number;
  /** Replays one failure: its shrink path, and the kind of body it was found with. */
  replay?: { path: string; bugClass: BugClass };
}

export interface ClassifiedResult {
  property: string;
  ok: boolean;
  /** Runs with bodies inside the model, and outside it. */
  runs: { inside: number; outside: number };
  /** The kind of body that shows the failure (absent when the property holds). */
  bugClass?: BugClass;
  failure?: PropertyFailure;
}

/**
 * Runs `check` on requests whose bodies are inside `model`, then — when it holds there and the model can
 * tell what is outside it — on bodies outside. A body API Gateway itself rejects (a 400 for JSON it
 * cannot parse) is an answer, not a failure, outside the model. Counterexamples are minimised within
 * their kind: a valid request stays inside the model (a required field stays), and an outside one outside.
 */
export function checkByBugClass(check: TemplateCheck, model: BodyModel, request: Omit<RequestShape, 'body'>, run: ClassifiedRun): ClassifiedResult {
  const contains = model.contains;
  const isInside = (input: RenderInput) => contains?.(bodyText(input.body)) ?? true;
  let inside = 0;
  if (run.replay?.bugClass !== 'outside-model') {
    const result = check
      .withOptions({ input: renderInputs({ ...request, body: model.inside }), minimise: { keep: isInside } })
      .check({ numRuns: run.numRuns, seed: run.seed, path: run.replay?.path });
    inside = result.numRuns;
    if (!result.ok) return { property: check.name, ok: false, runs: { inside, outside: 0 }, bugClass: 'valid-request', failure: result.failure };
    if (run.replay) return { property: check.name, ok: true, runs: { inside, outside: 0 } };
  }
  if (!contains) return { property: check.name, ok: true, runs: { inside, outside: 0 } };
  const result = check
    .withOptions({
      input: renderInputs({ ...request, body: model.outside ?? bodiesOutside(model.inside, (body) => contains(body)) }),
      acceptBodyErrors: true,
      minimise: { keep: (input) => !isInside(input) },
    })
    .check({ numRuns: run.numRuns, seed: run.seed, path: run.replay?.path });
  const runs = { inside, outside: result.numRuns };
  return result.ok ? { property: check.name, ok: true, runs } : { property: check.name, ok: false, runs, bugClass: 'outside-model', failure: result.failure };
}
