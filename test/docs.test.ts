import { describeExamples } from './doc-examples.js';

describeExamples('docs/usage.md', { name: 'usage', minimum: 6, jestFixture: 'jest-ts-jest-cdk' });
describeExamples('docs/pipeline.md', { name: 'pipeline', minimum: 4 });
