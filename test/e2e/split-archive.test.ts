// An archive split by year into two builds, the older under /2024/: the newer build's search page searches both
// (option `search.mergeIndexes`), leads to the older build's pages, and finds its papers by id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { astroBin, paperFile, repoRoot, run, writeFixture } from '../support/fixture-site.ts';
import { serveStatic } from '../support/static-server.ts';
import { launchChromium } from '../support/browser.ts';

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  const newer = await writeFixture(
    'split-archive-2025',
    {
      'content/papers/streaming-sparse-attention.md': paperFile(
        'title: Streaming Sparse Attention\nauthors: [Ada Lovelace]\ndate: 2025-03-04\narxiv: 2503.01234',
        'Sparse attention for streams of tokens.',
      ),
      'content/papers/dense-retrieval.md': paperFile(
        'title: Dense Retrieval at Scale\nauthors: [Ada Lovelace]\ndate: 2025-03-05',
        'Retrieval with dense vectors rather than sparse attention.',
      ),
    },
    "{ search: { mergeIndexes: ['/2024/pagefind/'], maxFragments: 1 } }",
  );
  // Both builds bundle their two papers' fragments into one file, so their pages get short names
  // (compact-page-names.ts): each build numbers its pages from 0, and only a hash of its base path tells the two
  // builds' pages apart. Every paper mentions sparse attention, so whatever order a build lists its pages in, a
  // search for it finds pages of the same number in both.
  const older = await writeFixture(
    'split-archive-2024',
    {
      'content/papers/wombat-burrows.md': paperFile(
        'title: Wombat Burrows and Sparse Attention\nauthors: [Grace Hopper]\ndate: 2024-05-06\narxiv: 2405.04321',
        'Burrows of wombats, mapped with sparse-attention kernels.',
      ),
      'content/papers/koala-sleep.md': paperFile(
        'title: Koala Sleep Cycles\nauthors: [Grace Hopper]\ndate: 2024-05-07',
        'How long koalas sleep, timed with sparse attention.',
      ),
    },
    '{ search: { maxFragments: 1 } }',
  );
  const dist = join(newer, 'dist');
  const main = await run(process.execPath, [astroBin, 'build', '--root', newer], repoRoot);
  expect(main.code, main.output).toBe(0);
  const year = await run(
    process.execPath,
    [astroBin, 'build', '--root', older, '--base', '/2024/', '--outDir', join(dist, '2024')],
    repoRoot,
  );
  expect(year.code, year.output).toBe(0);
  server = await serveStatic(dist);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function search(page: Page, query: string): Promise<string[]> {
  await page.locator('#search-query').fill(query);
  await page.waitForFunction((q) => document.querySelector('[data-search-status]')?.textContent?.includes(q), query.split(':').at(-1)!);
  return page.locator('.search-result-title a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

describe('an archive split into a build a year', () => {
  it("searches the other year's build from this one's search page, with its papers at their own addresses", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.origin}/search/`);
    await page.locator('.search-page.search-ready').waitFor();
    expect(await search(page, 'wombat')).toEqual(['/2024/papers/wombat-burrows/']);
    expect((await search(page, 'sparse attention')).sort()).toEqual([
      '/2024/papers/koala-sleep/',
      '/2024/papers/wombat-burrows/',
      '/papers/dense-retrieval/',
      '/papers/streaming-sparse-attention/',
    ]);
    // A quoted phrase is searched in both its spellings, and the results of both are told apart by their names.
    expect((await search(page, '"sparse attention"')).sort()).toEqual([
      '/2024/papers/koala-sleep/',
      '/2024/papers/wombat-burrows/',
      '/papers/dense-retrieval/',
      '/papers/streaming-sparse-attention/',
    ]);
    // An id of the other year's build leads to its page there.
    expect(await search(page, 'arXiv:2405.04321')).toEqual(['/2024/papers/wombat-burrows/']);
    await expect(page.locator('[data-search-status]').textContent()).resolves.toContain('is in the archive');
    expect(await search(page, '2503.01234')).toEqual(['/papers/streaming-sparse-attention/']);
    await search(page, 'wombat');
    await page.getByRole('link', { name: 'Wombat Burrows and Sparse Attention' }).click();
    await page.waitForURL(/\/2024\/papers\/wombat-burrows\/$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Wombat Burrows and Sparse Attention');
    expect(errors).toEqual([]);
    await page.close();
  });
});
