/**
 * Coverage as a text summary: per file, lines and branch outcomes covered, then what never ran (line
 * numbers, and each outcome never taken by name — "line 7: never taken: #else").
 */
import { checkedCoverage, totals, type CoverageData, type FileCoverage } from './data.js';

function percent(covered: number, total: number): string {
  return (total === 0 ? '-' : `${((covered / total) * 100).toFixed(1)}%`).padStart(6);
}

/** `3-5, 9` for lines 3, 4, 5 and 9. */
export function lineRanges(lines: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j]! + 1) j++;
    parts.push(i === j ? String(lines[i]) : `${lines[i]}-${lines[j]}`);
    i = j;
  }
  return parts.join(', ');
}

function uncovered(f: FileCoverage): string[] {
  const notes: string[] = [];
  const lines = f.lines.filter((l) => l.count === 0).map((l) => l.line);
  if (lines.length > 0) notes.push(`lines never run: ${lineRanges(lines)}`);
  for (const b of f.branches) {
    const missed = b.outcomes.filter((o) => o.count === 0).map((o) => o.label);
    if (missed.length > 0) notes.push(`line ${b.line}: never taken: ${missed.join('; ')}`);
  }
  return notes;
}

export interface TextReportOptions {
  /** Leave out the list of what never ran (default false). */
  summaryOnly?: boolean;
}

/** @throws InvalidInputError when `data` is not coverage data */
export function textReport(data: CoverageData, options: TextReportOptions | null = {}): string {
  checkedCoverage(data, 'textReport');
  const summaryOnly = options?.summaryOnly === true;
  if (data.files.length === 0) return 'template coverage: no templates were rendered\n';
  // (A loop, not Math.max(...): a run may have more files than a call has room for arguments.)
  let width = 4;
  for (const f of data.files) width = Math.max(width, f.file.length);
  const rows = [`${'File'.padEnd(width)}  ${'Lines'.padEnd(17)}Branches`];
  const row = (name: string, t: ReturnType<typeof totals>) =>
    `${name.padEnd(width)}  ${percent(t.lines.covered, t.lines.total)} ${`${t.lines.covered}/${t.lines.total}`.padEnd(10)}${percent(t.branches.covered, t.branches.total)} ${t.branches.covered}/${t.branches.total}`;
  for (const f of data.files) {
    rows.push(row(f.file, totals([f])));
    if (!summaryOnly) for (const note of uncovered(f)) rows.push(`${' '.repeat(4)}${note}`);
  }
  if (data.files.length > 1) rows.push(row('All templates', totals(data.files)));
  return `${rows.join('\n')}\n`;
}
