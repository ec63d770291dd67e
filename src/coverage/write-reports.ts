/**
 * Writing coverage reports to a folder (Node only): `lcov.info`, `coverage.json` and `coverage.txt`.
 * Paths become relative to the working directory, with forward slashes, as lcov readers expect. A
 * template compiled from a string is matched to the `.vtl` file with the same text when the project has
 * one; otherwise its text is written into the folder so viewers can still show it.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { checkedCoverage, mergeCoverage, type CoverageData, type FileCoverage } from './data.js';
import { InvalidInputError } from '../gateway/validate-input.js';
import { lcovReport } from './lcov.js';
import { sourceHash } from './source-hash.js';
import { textReport } from './text.js';

/** A coverage report could not be written: the folder or a file in it (named in the message). */
export class CoverageWriteError extends Error {
  override readonly name = 'CoverageWriteError';

  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`cannot write template coverage to ${path}: ${reason}`);
  }
}

function reasonOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return code === 'EEXIST' || code === 'ENOTDIR' ? 'a file is in the way of a folder' : code === 'EISDIR' ? 'a folder is in the way of a file' : ((e as Error)?.message ?? String(e));
}

/**
 * Makes a folder and the missing ones above it, one level at a time (mkdir's own recursion does not
 * return on some pseudo file systems, /proc among them).
 */
export function ensureFolder(dir: string): void {
  if (typeof dir !== 'string' || dir === '') throw new CoverageWriteError(String(dir), 'the folder must be a path');
  const missing: string[] = [];
  let at = resolve(dir);
  for (;;) {
    try {
      if (statSync(at).isDirectory()) break;
      throw new CoverageWriteError(dir, `${at} is a file, not a folder`);
    } catch (e) {
      if (e instanceof CoverageWriteError) throw e;
      missing.push(at);
      const parent = dirname(at);
      if (parent === at || missing.length > 64) throw new CoverageWriteError(dir, reasonOf(e));
      at = parent;
    }
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new CoverageWriteError(dir, reasonOf(e));
    }
  }
}

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
export function withTemplateFiles(data: CoverageData, dir: string, options: CoverageReportOptions | null = {}): CoverageData {
  const cwd = resolve(options?.cwd ?? process.cwd());
  let byText: Map<string, string> | undefined;
  const files: FileCoverage[] = data.files.map((f) => {
    if (f.source === undefined) return { ...f, file: portable(f.file, cwd) };
    // The copies this folder holds from earlier runs are not the project's files.
    byText ??= templateFilesByText(cwd, resolve(dir));
    let path = byText.get(f.source);
    if (!path) {
      ensureFolder(join(dir, 'templates'));
      path = join(resolve(dir), 'templates', `${sourceHash(f.source)}.vtl`);
      try {
        writeFileSync(path, f.source);
      } catch (e) {
        throw new CoverageWriteError(path, reasonOf(e));
      }
    }
    const { source: _source, ...rest } = f;
    return { ...rest, file: portable(path, cwd) };
  });
  return mergeCoverage({ ...data, files });
}

/** Writes a file whole or not at all (another process may be reading the report). */
export function writeAtomically(path: string, text: string): void {
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, path);
  } catch (e) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // nothing was written
    }
    throw new CoverageWriteError(path, reasonOf(e));
  }
}

/**
 * Writes `lcov.info`, `coverage.json` and `coverage.txt` into `dir` and returns the text summary.
 */
export function writeCoverageReports(dir: string, data: CoverageData, options: CoverageReportOptions | null = {}): string {
  ensureFolder(dir);
  checkedCoverage(data, 'writeCoverageReports');
  if (options?.cwd !== undefined && typeof options.cwd !== 'string') throw new InvalidInputError('writeCoverageReports: options.cwd must be a path');
  const placed = withTemplateFiles(data, dir, options);
  const text = textReport(placed);
  writeAtomically(join(dir, 'lcov.info'), lcovReport(placed));
  writeAtomically(join(dir, 'coverage.json'), `${JSON.stringify(placed, null, 2)}\n`);
  writeAtomically(join(dir, 'coverage.txt'), text);
  return text;
}
