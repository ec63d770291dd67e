/** Template coverage: collect which lines and branches of templates ran, and report it. */
export { coverage, CoverageCollector, MAX_COVERED_TEMPLATES } from './collector.js';
export type { CoverageCollectorOptions } from './collector.js';
export { emptyCoverage, isCoverageData, mergeCoverage, totals } from './data.js';
export type { BranchCount, CoverageData, CoverageTotals, FileCoverage, LineCount } from './data.js';
export { lcovReport } from './lcov.js';
export { textReport, type TextReportOptions } from './text.js';
export type { BranchKind } from './probes.js';
