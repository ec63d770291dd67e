import { describeExamples } from './doc-examples.js';

describeExamples('docs/usage.md', { name: 'usage', minimum: 6, jestFixture: 'jest-ts-jest-cdk' });
