import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: ffmpeg renders and Postgres tests contend, so keep file parallelism modest.
    maxWorkers: 2,
    pool: 'forks',
  },
});
