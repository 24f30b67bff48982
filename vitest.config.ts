import { defineConfig } from 'vitest/config';

// Tests import the packages by name, i.e. their built dist/ (`npm test` runs `tsc -b` first),
// so they exercise exactly what users install.
export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
