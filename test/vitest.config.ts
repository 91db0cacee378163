// Three suites: unit (pure modules, plugins through unified()), build (real `astro build` of fixtures), e2e (Chromium).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', root: 'test/unit', environment: 'node' } },
      { test: { name: 'build', root: 'test/build', pool: 'forks', testTimeout: 240_000, hookTimeout: 240_000, fileParallelism: false } },
      { test: { name: 'e2e', root: 'test/e2e', pool: 'forks', testTimeout: 120_000, hookTimeout: 300_000, fileParallelism: false } },
    ],
  },
});
