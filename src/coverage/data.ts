/**
 * Coverage as data: per file, how often each line ran and how often each outcome of each branch point
 * was taken. Plain JSON (`coverage.json`), additive, so runs in several processes merge by summing.
 */
import type { BranchKind } from './probes.js';
import { InvalidInputError } from '../gateway/validate-input.js';

export interface LineCount {
  line: number;
  count: number;
}

export interface BranchCount {
  kind: BranchKind;
  line: number;
  column: number;
  /** Each outcome with how often it was taken, e.g. `#if line 3` / `no branch taken`. */
  outcomes: { label: string; count: number }[];
}

export interface FileCoverage {
  /**
   * The file the lines belong to: a `.vtl` file, or the definition that holds the templates inline. A
   * template compiled from a string with no file is `<template HASH>`, with its text in `source`.
   */
  file: string;
  source?: string;
  /** Executable lines, in order; `count` 0 is a line that never ran. */
  lines: LineCount[];
  branches: BranchCount[];
}

export interface CoverageData {
  format: 'apigw-vtl-coverage';
  version: 1;
  files: FileCoverage[];
}

export function emptyCoverage(): CoverageData {
  return { format: 'apigw-vtl-coverage', version: 1, files: [] };
}

function branchKey(b: BranchCount): string {
  return `${b.line}:${b.column}:${b.kind}:${b.outcomes.length}`;
}

/** Adds `from` into `into` (same file): counts of the same line, and of the same branch point, are summed. */
function addFile(into: FileCoverage, from: FileCoverage): void {
  const lines = new Map(into.lines.map((l) => [l.line, l]));
  for (const l of from.lines) {
    const known = lines.get(l.line);
    if (known) known.count += l.count;
    else lines.set(l.line, { ...l });
  }
  into.lines = [...lines.values()].sort((a, b) => a.line - b.line);
  const branches = new Map(into.branches.map((b) => [branchKey(b), b]));
  for (const b of from.branches) {
    const known = branches.get(branchKey(b));
    if (known) b.outcomes.forEach((o, i) => (known.outcomes[i]!.count += o.count));
    else branches.set(branchKey(b), { ...b, outcomes: b.outcomes.map((o) => ({ ...o })) });
  }
  into.branches = [...branches.values()].sort((a, b) => a.line - b.line || a.column - b.column);
  if (from.source !== undefined && into.source === undefined) into.source = from.source;
}

/**
 * The sum of several coverage runs (none of them is changed).
 * @throws InvalidInputError when a run is not coverage data (a file someone edited, say)
 */
export function mergeCoverage(...runs: CoverageData[]): CoverageData {
  const files = new Map<string, FileCoverage>();
  runs.forEach((run, i) => {
    if (!isCoverageData(run)) throw new InvalidInputError(`mergeCoverage: run ${i + 1} is not apigw-vtl coverage data (format "apigw-vtl-coverage", version 1)`);
  });
  for (const run of runs) {
    for (const f of run.files) {
      const known = files.get(f.file);
      if (known) addFile(known, f);
      else {
        const copy: FileCoverage = { file: f.file, lines: [], branches: [] };
        addFile(copy, f);
        files.set(f.file, copy);
      }
    }
  }
  return { ...emptyCoverage(), files: [...files.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)) };
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

function isFileCoverage(f: unknown): f is FileCoverage {
  const file = f as Partial<FileCoverage> | null;
  return (
    typeof file === 'object' &&
    file !== null &&
    typeof file.file === 'string' &&
    (file.source === undefined || typeof file.source === 'string') &&
    Array.isArray(file.lines) &&
    file.lines.every((l) => typeof l === 'object' && l !== null && isCount(l.line) && isCount(l.count)) &&
    Array.isArray(file.branches) &&
    file.branches.every(
      (b) =>
        typeof b === 'object' &&
        b !== null &&
        typeof b.kind === 'string' &&
        isCount(b.line) &&
        isCount(b.column) &&
        Array.isArray(b.outcomes) &&
        b.outcomes.every((o) => typeof o === 'object' && o !== null && typeof o.label === 'string' && isCount(o.count)),
    )
  );
}

/** Whether a value read from a file (which anyone may have edited) is coverage data this version writes, whole. */
export function isCoverageData(v: unknown): v is CoverageData {
  const d = v as Partial<CoverageData> | null;
  return typeof d === 'object' && d !== null && d.format === 'apigw-vtl-coverage' && d.version === 1 && Array.isArray(d.files) && d.files.every(isFileCoverage);
}

/** The data, when it is coverage data; otherwise an InvalidInputError naming the caller. */
export function checkedCoverage(data: unknown, caller: string): CoverageData {
  if (!isCoverageData(data)) throw new InvalidInputError(`${caller}: not apigw-vtl coverage data (format "apigw-vtl-coverage", version 1)`);
  return data;
}

export interface CoverageTotals {
  lines: { total: number; covered: number };
  branches: { total: number; covered: number };
}

/** Lines that ran, and branch outcomes taken, out of all. */
export function totals(files: readonly FileCoverage[]): CoverageTotals {
  if (!Array.isArray(files) || !files.every(isFileCoverage)) throw new InvalidInputError('coverageTotals: expected the files of coverage data');
  const t: CoverageTotals = { lines: { total: 0, covered: 0 }, branches: { total: 0, covered: 0 } };
  for (const f of files) {
    t.lines.total += f.lines.length;
    t.lines.covered += f.lines.filter((l) => l.count > 0).length;
    for (const b of f.branches) {
      t.branches.total += b.outcomes.length;
      t.branches.covered += b.outcomes.filter((o) => o.count > 0).length;
    }
  }
  return t;
}
