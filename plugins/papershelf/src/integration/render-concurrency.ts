import type { AstroConfig } from 'astro';

/** Astro's own `build.concurrency`: one page at a time. */
const astroDefault = 1;

/**
 * Pages Astro renders at once, unless the site chose its own
 * `build.concurrency`. One at a time, each page waits for its file to be
 * written and its CSP hashes to be worked out, both on Node's thread pool,
 * before the next one starts: at 10,000 papers the build's main thread sat
 * idle for a third of the time it spent on pages. Four at a time, the size
 * of that pool, keeps it busy: 37 to 39 s became 28 to 31 s (the
 * benchmark's corpus, builds run one after another), with the same files
 * byte for byte.
 */
export const pagesAtOnce = 4;

/** The `build.concurrency` the integration sets, or `undefined` to keep the site's own. */
export function renderConcurrency(config: Pick<AstroConfig, 'build'>): number | undefined {
  return config.build.concurrency === astroDefault ? pagesAtOnce : undefined;
}
