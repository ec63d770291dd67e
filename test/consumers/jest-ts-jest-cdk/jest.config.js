// As `cdk init app --language typescript` writes it, without the CDK's jest-autoclean setup file (it
// needs aws-cdk-lib). The test file imports apigw-vtl/jest itself: the cdk tsconfig sets typeRoots,
// so listing the package in tsconfig `types` would not find it.
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': 'ts-jest',
  },
};
