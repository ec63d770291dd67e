/**
 * `apigw-vtl/jest`: list it in jest's `setupFilesAfterEnv` (or import it from one) to register the
 * template matchers and the RenderResult snapshot serializer, typed on `expect(...)` whether the tests
 * use the global `expect` (@types/jest) or `import { expect } from '@jest/globals'`. With
 * `APIGW_VTL_COVERAGE=<dir>` in the environment it also collects template coverage (lcov.info,
 * coverage.json and coverage.txt in that folder).
 */
// Brings 'expect' into the program so the augmentation below has a module to merge into; it is a
// type-only import, gone from both the emitted code and the declarations.
import type {} from 'expect';
import { renderResultSerializer, templateMatchers, type TemplateMatchers } from '../testing/matchers.js';
import { startTestFileCoverage } from '../coverage/test-file.js';

interface JestExpectLike {
  extend(matchers: object): void;
  addSnapshotSerializer(serializer: typeof renderResultSerializer): void;
}

// Jest puts `expect` on the test environment's global before setupFilesAfterEnv runs. Importing it from
// '@jest/globals' instead would tie this file to a package the user may not have installed directly
// (pnpm does not hoist it), and is only possible inside jest's own module registry.
const jestExpect = (globalThis as { expect?: Partial<JestExpectLike> }).expect;
if (typeof jestExpect?.extend !== 'function' || typeof jestExpect.addSnapshotSerializer !== 'function') {
  throw new Error(
    "apigw-vtl/jest: no global jest `expect` here. List 'apigw-vtl/jest' in jest's setupFilesAfterEnv (not setupFiles), " +
      "or with injectGlobals: false call expect.extend(templateMatchers) from 'apigw-vtl/testing' yourself.",
  );
}
jestExpect.extend(templateMatchers);
jestExpect.addSnapshotSerializer(renderResultSerializer);

// With APIGW_VTL_COVERAGE set, the templates this test file compiles are counted and the run's
// coverage reports rewritten when it is done (`afterAll` is jest's global in setupFilesAfterEnv).
const saveCoverage = startTestFileCoverage();
const jestAfterAll = (globalThis as { afterAll?: (fn: () => Promise<void>) => void }).afterAll;
if (saveCoverage && typeof jestAfterAll === 'function') {
  jestAfterAll(() => saveCoverage((jestExpect as { getState?: () => { testPath?: string } }).getState?.().testPath));
}

// Type parameter lists here name only `R`: TypeScript merges a declaration that leaves out trailing
// parameters with defaults, which keeps one declaration valid across expect/@types/jest 29 and 30.
declare module 'expect' {
  // Used by `expect` from '@jest/globals' (its JestExpect is built from these interfaces).
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Matchers<R> extends TemplateMatchers<R> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsymmetricMatchers extends TemplateMatchers<void> {}
}

declare global {
  // The global `expect` of @types/jest.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface Matchers<R> extends TemplateMatchers<R> {}
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface Expect extends TemplateMatchers<void> {}
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface InverseAsymmetricMatchers extends TemplateMatchers<void> {}
  }
}

export { templateMatchers, renderResultSerializer };
