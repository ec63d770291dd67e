/**
 * Applying lint fixes to a template's text: every fix whose span does not overlap one applied before it
 * (in template order), so applying twice is the same as once.
 */
import { LineIndex } from '../vtl/parser/source.js';
import type { LintFinding } from './finding.js';

/** Replace `start`..`end` (offsets) with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Applies edits in order of position, skipping any that overlaps one already applied. */
export function applyEdits(source: string, edits: readonly TextEdit[]): { text: string; applied: number } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let text = '';
  let at = 0;
  let applied = 0;
  for (const e of sorted) {
    if (e.start < at || e.end < e.start) continue;
    text += source.slice(at, e.start) + e.text;
    at = e.end;
    applied++;
  }
  return { text: text + source.slice(at), applied };
}

export function applyFixes(source: string, findings: readonly LintFinding[]): { text: string; applied: number } {
  const lines = new LineIndex(source);
  return applyEdits(
    source,
    findings.flatMap((f) => (f.fix ? [{ start: lines.offset(f.fix.start.line, f.fix.start.column - 1), end: lines.offset(f.fix.end.line, f.fix.end.column - 1), text: f.fix.text }] : [])),
  );
}
