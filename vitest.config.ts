import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Consumer fixtures are separate projects with their own runners (test/consumers/run.sh).
    exclude: [...configDefaults.exclude, 'test/consumers/**'],
    testTimeout: 20_000,
  },
});
