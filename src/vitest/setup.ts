/**
 * `import 'apigw-vtl/vitest'` (or list it in vitest's `setupFiles`): registers the template matchers and
 * the RenderResult snapshot serializer, and types them on `expect(...)` and as asymmetric matchers.
 * With `APIGW_VTL_COVERAGE=<dir>` in the environment it also collects template coverage (lcov.info,
 * coverage.json and coverage.txt in that folder).
 */
import { afterAll, expect } from 'vitest';
import { renderResultSerializer, templateMatchers, type TemplateMatchers } from '../testing/matchers.js';
import { startTestFileCoverage } from '../coverage/test-file.js';

expect.extend(templateMatchers);
expect.addSnapshotSerializer(renderResultSerializer);

// With APIGW_VTL_COVERAGE set, the templates this test file compiles are counted and the run's
// coverage reports rewritten when it is done.
const saveCoverage = startTestFileCoverage();
if (saveCoverage) afterAll(() => saveCoverage(expect.getState().testPath));

// `Assertion` and `AsymmetricMatchersContaining` are what vitest 2.1 documents for custom matchers and
// what every later version still reads; `Matchers` (vitest 3.2+) alone would leave 2.x untyped.
declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-explicit-any
  interface Assertion<T = any> extends TemplateMatchers<T> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsymmetricMatchersContaining extends TemplateMatchers {}
}

export { templateMatchers, renderResultSerializer };
