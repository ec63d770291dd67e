/**
 * Coverage across a test run (Node only). Each test file's templates are counted in its own collector;
 * when the file is done its coverage is saved as a fragment named after the test file (a rerun replaces
 * it), and the reports are rebuilt from all fragments under a lock, so whichever test file finishes last
 * leaves reports that hold the whole run, whatever the number of worker processes.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isCoverageData, mergeCoverage, type CoverageData } from './data.js';
import { sourceHash } from './source-hash.js';
import { CoverageWriteError, ensureFolder, withTemplateFiles, writeAtomically, writeCoverageReports } from './write-reports.js';

interface Fragment {
  testFile: string;
  coverage: CoverageData;
}

/** A lock older than this was left by a process that died: it is taken over. */
const STALE_LOCK_MS = 30_000;
const LOCK_TIMEOUT_MS = 60_000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function withLock<T>(dir: string, work: () => T): T {
  const lock = join(dir, '.lock');
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new CoverageWriteError(lock, (e as Error).message);
      try {
        if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      } catch {
        // released meanwhile
      }
      if (Date.now() - started > LOCK_TIMEOUT_MS) throw new CoverageWriteError(lock, 'it stayed locked for a minute; remove it if no test run is writing');
      sleep(20);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function readFragments(folder: string): CoverageData[] {
  const runs: CoverageData[] = [];
  for (const name of readdirSync(folder)) {
    if (!name.endsWith('.json')) continue;
    try {
      const fragment = JSON.parse(readFileSync(join(folder, name), 'utf8')) as Partial<Fragment>;
      // A test file that no longer exists no longer counts.
      if (typeof fragment.testFile === 'string' && fragment.testFile !== '' && !existsSync(fragment.testFile)) continue;
      if (isCoverageData(fragment.coverage)) runs.push(fragment.coverage);
    } catch {
      // half-written by a process that died: skipped
    }
  }
  return runs;
}

/**
 * Saves one test file's coverage into `dir` and rewrites the reports from every test file's; returns
 * the text summary.
 */
export function recordTestFileCoverage(dir: string, testFile: string, coverage: CoverageData): string {
  const folder = join(dir, 'fragments');
  ensureFolder(folder);
  const fragment: Fragment = { testFile, coverage: withTemplateFiles(coverage, dir) };
  writeAtomically(join(folder, `${sourceHash(testFile)}.json`), JSON.stringify(fragment));
  return withLock(dir, () => writeCoverageReports(dir, mergeCoverage(...readFragments(folder))));
}
