/**
 * What `apigw-vtl/vitest` and `apigw-vtl/jest` do for coverage in each test file: when the run collects
 * it, install a collector before the file's tests, and save what it counted when they are done.
 */
import { coverage } from './collector.js';
import { setAmbientCoverage } from './ambient.js';
import { coverageDirFromEnv } from './env.js';

/** Starts counting for one test file; the returned function (call it in `afterAll`) saves the counts. */
export function startTestFileCoverage(): ((testFile: string | undefined) => Promise<void>) | undefined {
  const dir = coverageDirFromEnv();
  if (!dir) return undefined;
  const collector = coverage();
  setAmbientCoverage(collector);
  return async (testFile) => {
    setAmbientCoverage(undefined);
    // Loaded only here: the file system is not there in a browser test runner, and is not needed
    // unless coverage is on.
    const { recordTestFileCoverage } = await import('./test-run.js');
    recordTestFileCoverage(dir, testFile ?? '', collector.data());
  };
}
