/**
 * What a report format is given: findings (lint rules, failed properties) placed in the file a user
 * edits. A template inline in an OpenAPI or SAM file is placed in that file, at its real line.
 */

/** How serious a finding is; `off` exists only in configuration. */
export type ReportSeverity = 'error' | 'warning' | 'note';

export interface ReportedFinding {
  /** The lint rule's id, or the property's name (`renders valid JSON`). */
  rule: string;
  severity: ReportSeverity;
  message: string;
  /** The file as the user named it (a `.vtl` file, or the definition that holds the template). */
  file: string;
  /** 1-based, in `file`. */
  line: number;
  column: number;
  /** Which template of the file, for definitions: `GET /pets request application/json`. */
  template?: string;
  /**
   * Facts for machines, beside the message: SARIF's property bag (`bugClass` for a failed property).
   * Values must be JSON.
   */
  properties?: Record<string, unknown>;
  /**
   * What tells this finding apart from others of its rule in the same template, for SARIF's fingerprint
   * (code scanning matches alerts across commits by it, so it must not be the line): a lint finding's
   * message. A failed property needs none: a template fails a property once.
   */
  identity?: string;
}

/** One checked template, for formats that list passes too (JUnit). */
export interface ReportedCase {
  /** The template's label. */
  name: string;
  file: string;
  /** The check that ran (`renders valid JSON`). */
  check: string;
  runs: number;
  /** Absent when the case passed. */
  failure?: ReportedFinding & { details: string };
  durationMs: number;
}
