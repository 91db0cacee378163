// How many pages Astro renders at once in a Papershelf build.
import { describe, expect, it } from 'vitest';
import { pagesAtOnce, renderConcurrency } from '../../plugins/papershelf/src/integration/render-concurrency.ts';

const site = (concurrency: number) => ({ build: { concurrency } }) as Parameters<typeof renderConcurrency>[0];

describe('renderConcurrency', () => {
  it("renders several pages at once where the site left Astro's default of one", () => {
    expect(pagesAtOnce).toBeGreaterThan(1);
    expect(renderConcurrency(site(1))).toBe(pagesAtOnce);
  });

  it("keeps a site's own choice", () => {
    for (const own of [2, 8, 16]) expect(renderConcurrency(site(own))).toBeUndefined();
  });
});
