import { describeExamples } from './doc-examples.js';

describeExamples('docs/usage.md', { name: 'usage', minimum: 6, jestFixture: 'jest-ts-jest-cdk' });
describeExamples('docs/pipeline.md', { name: 'pipeline', minimum: 4 });
describeExamples('docs/lint.md', { name: 'lint', minimum: 1 });
describeExamples('docs/coverage.md', { name: 'coverage', minimum: 1 });
