// Three suites: unit (pure modules, plugins through unified(), the Pagefind step, setup errors), build (real
// `astro build` of fixtures, for what only a build shows), e2e (Chromium).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two build files at a time: an Astro build keeps about one core busy, and this machine has two.
    maxWorkers: 2,
    globalSetup: ['test/support/temp-folder.ts'],
    projects: [
      { test: { name: 'unit', root: 'test/unit', environment: 'node' } },
      { test: { name: 'build', root: 'test/build', pool: 'forks', testTimeout: 240_000, hookTimeout: 240_000 } },
      {
        test: {
          name: 'e2e',
          root: 'test/e2e',
          pool: 'forks',
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          // A first search loads Pagefind's index and WebAssembly: over a second when the machine is busy, which is
          // expect.poll's default wait; what a page shows is still asked until it is right, only for longer.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
