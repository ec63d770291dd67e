/**
 * Whether this test run collects template coverage, and where it goes: `APIGW_VTL_COVERAGE=<dir>`
 * (`1` or `true` mean `coverage-vtl`). Read without touching `process` where there is none (a browser
 * test runner).
 */
export const DEFAULT_COVERAGE_DIR = 'coverage-vtl';

export function coverageDirFromEnv(): string | undefined {
  const env = typeof process === 'object' && process !== null ? process.env : undefined;
  const value = env?.['APIGW_VTL_COVERAGE']?.trim();
  if (!value || value === '0' || value.toLowerCase() === 'false') return undefined;
  return value === '1' || value.toLowerCase() === 'true' ? DEFAULT_COVERAGE_DIR : value;
}
