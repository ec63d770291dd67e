/**
 * apigw-vtl: render Amazon API Gateway (REST API) mapping templates exactly as AWS does, offline.
 *
 * ```ts
 * import { compileTemplate } from 'apigw-vtl';
 * const template = compileTemplate('{"name": "$input.path(\'$.name\')"}');
 * template.render({ body: { name: 'Ada' } }).body; // {"name": "Ada"}
 * ```
 */
export * from './browser.js';

// Node only: definition files and the node:http handler.
export { loadApi } from './api/load-api.js';
export { loadApiDefinition } from './definitions/load-file.js';
export { createHttpHandler, MAX_PAYLOAD_BYTES } from './http/handler.js';
export type { HttpHandler, HttpHandlerOptions } from './http/handler.js';
// Terraform: its reader is left out of the browser entry for size; it is pure, so bundlers can still
// import it from here.
export { parseTerraform, parseTerraformJson } from './definitions/terraform/index.js';
export { loadTerraform } from './definitions/terraform/read-files.js';
export type { TerraformFile, TerraformOptions } from './definitions/terraform/index.js';

// Benchmarking users' templates (Node entry only: it would add to the browser bundle for little use there).
export { benchTemplate, textChart, svgChart } from './bench/index.js';
export type { BenchCase, BenchComparison, BenchOptions, BenchReport } from './bench/index.js';

// Template coverage reports written to a folder (lcov.info, coverage.json, coverage.txt).
export { writeCoverageReports, CoverageWriteError } from './coverage/write-reports.js';
export type { CoverageReportOptions } from './coverage/write-reports.js';
