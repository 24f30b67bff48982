import { defineConfig } from 'vitest/config';

// Tests import the packages by name, i.e. their built dist/ (`npm test` runs `tsc -b` first),
// so they exercise exactly what users install.
export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    // Browser tests share two cores with builds; give them room rather than flake.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
  },
});
