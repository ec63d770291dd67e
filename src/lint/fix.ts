/**
 * Applying lint fixes to a template's text: every fix whose span does not overlap one applied before it
 * (in template order), so applying twice is the same as once.
 */
import { LineIndex } from '../vtl/parser/source.js';
import type { LintFinding } from './finding.js';
import { InvalidInputError } from '../gateway/validate-input.js';

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

const isPosition = (p: unknown): p is { line: number; column: number } =>
  typeof p === 'object' && p !== null && Number.isSafeInteger((p as { line: unknown }).line) && Number.isSafeInteger((p as { column: unknown }).column) && (p as { line: number }).line >= 1 && (p as { column: number }).column >= 1;

/**
 * The template with the findings' fixes applied. Findings may come back from a JSON report someone
 * edited: a fix whose positions or text are not what lint writes is left out.
 * @throws InvalidInputError when the template is not a string or the findings not a list
 */
export function applyFixes(source: string, findings: readonly LintFinding[]): { text: string; applied: number } {
  if (typeof source !== 'string') throw new InvalidInputError('applyFixes: the template must be a string');
  if (!Array.isArray(findings)) throw new InvalidInputError('applyFixes: the findings must be a list (what lintTemplate returns)');
  const lines = new LineIndex(source);
  const edits: TextEdit[] = [];
  for (const f of findings) {
    const fix = (f as Partial<LintFinding> | null)?.fix;
    if (!fix || !isPosition(fix.start) || !isPosition(fix.end) || typeof fix.text !== 'string') continue;
    edits.push({ start: lines.offset(fix.start.line, fix.start.column - 1), end: lines.offset(fix.end.line, fix.end.column - 1), text: fix.text });
  }
  return applyEdits(source, edits);
}
