import { defineConfig } from 'vitest/config';

// The live suite (test/live/): real Tryton and Medusa installed and started by the suite itself.
// Run serially: Tryton on SQLite has one writer, and Medusa is heavy on a 2-core machine.
export default defineConfig({
  test: {
    include: ['test/live/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
