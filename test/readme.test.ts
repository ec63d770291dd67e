import { describeExamples } from './doc-examples.js';

describeExamples('README.md', { name: 'readme', minimum: 3 });
