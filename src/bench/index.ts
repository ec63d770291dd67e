/** Benchmarking users' own templates: `benchTemplate`, its report, and its charts. */
export { benchTemplate } from './bench-template.js';
export type { BenchCase, BenchComparison, BenchOptions, BenchReport } from './bench-template.js';
export { textChart, svgChart } from './chart.js';
export { parseSize, scaledBody } from './body-scaling.js';
