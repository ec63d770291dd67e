/**
 * Writing coverage reports to a folder (Node only): `lcov.info`, `coverage.json` and `coverage.txt`.
 * Paths become relative to the working directory, with forward slashes, as lcov readers expect. A
 * template compiled from a string is matched to the `.vtl` file with the same text when the project has
 * one; otherwise its text is written into the folder so viewers can still show it.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { mergeCoverage, type CoverageData, type FileCoverage } from './data.js';
import { lcovReport } from './lcov.js';
import { sourceHash } from './source-hash.js';
import { textReport } from './text.js';

/** How far the search for `.vtl` files goes: it must stay quick in a big repository. */
const SEARCH = { maxDepth: 8, maxFiles: 20_000, maxBytes: 300 * 1024 };
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'build', 'coverage', 'cdk.out', '.aws-sam', '.serverless']);

export interface CoverageReportOptions {
  /** Paths are written relative to this folder (default: the working directory). */
  cwd?: string;
}

/** Text → path of every template-like file under `root` (`.vtl`, `.vm`, `.velocity`), but not under `exclude`. */
export function templateFilesByText(root: string, exclude?: string): Map<string, string> {
  const found = new Map<string, string>();
  let seen = 0;
  const walk = (dir: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names.sort()) {
      if (++seen > SEARCH.maxFiles) return;
      const path = join(dir, name);
      if (/\.(vtl|vm|velocity)$/i.test(name)) {
        try {
          if (statSync(path).size <= SEARCH.maxBytes) {
            const text = readFileSync(path, 'utf8');
            if (!found.has(text)) found.set(text, path);
          }
        } catch {
          // unreadable: not a match
        }
      } else if (depth < SEARCH.maxDepth && !name.startsWith('.') && !SKIPPED_DIRS.has(name) && path !== exclude) {
        try {
          if (statSync(path).isDirectory()) walk(path, depth + 1);
        } catch {
          // gone or unreadable
        }
      }
    }
  };
  walk(root, 0);
  return found;
}

function portable(path: string, cwd: string): string {
  // `./t.vtl` and `t.vtl` are one file: one record.
  const rel = relative(cwd, resolve(cwd, path));
  const shown = rel.startsWith('..') || isAbsolute(rel) ? resolve(cwd, path) : rel;
  return shown.split(sep).join('/');
}

/**
 * Gives every template a file: templates compiled from strings are matched to `.vtl` files of the same
 * text under `cwd`, or written to `<dir>/templates/<hash>.vtl`.
 */
export function withTemplateFiles(data: CoverageData, dir: string, options: CoverageReportOptions = {}): CoverageData {
  const cwd = resolve(options.cwd ?? process.cwd());
  let byText: Map<string, string> | undefined;
  const files: FileCoverage[] = data.files.map((f) => {
    if (f.source === undefined) return { ...f, file: portable(f.file, cwd) };
    // The copies this folder holds from earlier runs are not the project's files.
    byText ??= templateFilesByText(cwd, resolve(dir));
    let path = byText.get(f.source);
    if (!path) {
      mkdirSync(join(dir, 'templates'), { recursive: true });
      path = join(resolve(dir), 'templates', `${sourceHash(f.source)}.vtl`);
      writeFileSync(path, f.source);
    }
    const { source: _source, ...rest } = f;
    return { ...rest, file: portable(path, cwd) };
  });
  return mergeCoverage({ ...data, files });
}

/** Writes a file whole or not at all (another process may be reading the report). */
export function writeAtomically(path: string, text: string): void {
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, path);
}

/**
 * Writes `lcov.info`, `coverage.json` and `coverage.txt` into `dir` and returns the text summary.
 */
export function writeCoverageReports(dir: string, data: CoverageData, options: CoverageReportOptions = {}): string {
  mkdirSync(dir, { recursive: true });
  const placed = withTemplateFiles(data, dir, options);
  const text = textReport(placed);
  writeAtomically(join(dir, 'lcov.info'), lcovReport(placed));
  writeAtomically(join(dir, 'coverage.json'), `${JSON.stringify(placed, null, 2)}\n`);
  writeAtomically(join(dir, 'coverage.txt'), text);
  return text;
}
