/**
 * The messages between the page and its Web Workers. Rendering, linting and property checks all run in
 * a worker so the page never freezes: a template that takes long (or a property run of thousands of
 * inputs) only keeps the worker busy, and the page can stop it by terminating the worker.
 *
 * Everything here is plain data (structured-clone safe): errors travel as {@link ErrorReport}s.
 */
import type { RenderInput } from '../../src/browser.js';

export interface Place {
  line: number;
  column: number;
}

/** A failure as the page shows it: what (name and reason) and where, when it has a place. */
export interface ErrorReport {
  name: string;
  message: string;
  /** For a limit, which one stopped the render (`work`, `output`, …). */
  limit?: string;
  place?: Place;
}

/** A lint finding or the syntax error, underlined in the editor from `from` to `to` (exclusive). */
export interface Diagnostic {
  from: Place;
  to?: Place;
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** The lint rule, or `syntax`. */
  source: string;
}

export interface Rendered {
  ok: true;
  body: string;
  /** The body re-indented, when it is JSON (else undefined: shown raw). */
  pretty?: string;
  requestOverride: unknown;
  responseOverride: unknown;
  warnings: string[];
  cost: { work: number; memory: number };
}

export interface RenderFailed {
  ok: false;
  error: ErrorReport;
}

export type RenderOutcome = Rendered | RenderFailed;

/** The property a "find a breaking input" run checks. */
export type PropertyChoice =
  | { kind: 'renders-without-error' }
  | { kind: 'renders-valid-json' }
  | { kind: 'round-trips-field'; from: string; to?: string };

export interface Counterexample {
  property: string;
  /** The shrunk and minimised input: loadable into the request panes. */
  input: RenderInput;
  output?: string;
  problem: string;
  place?: Place;
  seed: number;
  /** The readable report, as `TemplatePropertyError` would say it. */
  report: string;
}

export type FindOutcome =
  | { ok: true; property: string; numRuns: number }
  | { ok: false; counterexample: Counterexample }
  | { ok: false; error: ErrorReport };

export type WorkerRequest =
  | { type: 'render'; id: number; template: string; input: RenderInput }
  | { type: 'find'; id: number; template: string; property: PropertyChoice; numRuns: number; seed?: number };

export type WorkerReply =
  | { type: 'rendered'; id: number; outcome: RenderOutcome; diagnostics: Diagnostic[]; ms: number }
  | { type: 'progress'; id: number; runs: number; numRuns: number }
  | { type: 'found'; id: number; outcome: FindOutcome; ms: number };
