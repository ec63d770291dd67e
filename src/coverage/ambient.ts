/**
 * The collector a test run installs (`apigw-vtl/vitest` or `apigw-vtl/jest` with coverage enabled):
 * every template compiled in that process without a collector of its own reports into it. It lives on
 * `globalThis` under a registered symbol, like istanbul's `__coverage__`, because the library may be
 * loaded twice in one process (its CommonJS and its ES module build); nothing sets it unless asked to.
 */
import type { CoverageSink } from './collector.js';

const KEY = Symbol.for('apigw-vtl.coverage');

type Holder = { [KEY]?: CoverageSink };

/** The test run's collector, if coverage is being collected. */
export function ambientCoverage(): CoverageSink | undefined {
  return (globalThis as Holder)[KEY];
}

/** Installs (or, with undefined, removes) the collector of this process's test run. */
export function setAmbientCoverage(sink: CoverageSink | undefined): void {
  if (sink) (globalThis as Holder)[KEY] = sink;
  else delete (globalThis as Holder)[KEY];
}
