/**
 * `import 'apigw-vtl/vitest'` (or list it in vitest's `setupFiles`): registers the template matchers and
 * the RenderResult snapshot serializer, and types them on `expect(...)`.
 */
import { expect } from 'vitest';
import { renderResultSerializer, templateMatchers, type TemplateMatchers } from '../testing/matchers.js';

expect.extend(templateMatchers);
expect.addSnapshotSerializer(renderResultSerializer);

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-explicit-any
  interface Matchers<T = any> extends TemplateMatchers<T> {}
}

export { templateMatchers, renderResultSerializer };
