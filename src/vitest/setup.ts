/**
 * `import 'apigw-vtl/vitest'` (or list it in vitest's `setupFiles`): registers the template matchers and
 * the RenderResult snapshot serializer, and types them on `expect(...)` and as asymmetric matchers.
 */
import { expect } from 'vitest';
import { renderResultSerializer, templateMatchers, type TemplateMatchers } from '../testing/matchers.js';

expect.extend(templateMatchers);
expect.addSnapshotSerializer(renderResultSerializer);

// `Assertion` and `AsymmetricMatchersContaining` are what vitest 2.1 documents for custom matchers and
// what every later version still reads; `Matchers` (vitest 3.2+) alone would leave 2.x untyped.
declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-explicit-any
  interface Assertion<T = any> extends TemplateMatchers<T> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsymmetricMatchersContaining extends TemplateMatchers {}
}

export { templateMatchers, renderResultSerializer };
