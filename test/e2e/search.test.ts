// Searching a fixture archive in Chromium: type, filter, sort, open, share, keyboard, and the same under a base path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { astroBin, paperFile, repoRoot, run, writeFixture } from '../support/fixture-site.ts';
import { serveStatic } from '../support/static-server.ts';
import { launchChromium } from '../support/browser.ts';

const vocabulary = `
- id: attention
  label: Attention
- id: sparse-attention
  label: Sparse attention
  parent: attention
  match: [sparse attention]
- id: vision
  label: Vision
  match: [image]
`;

const papers = {
  'content/papers/routing.md': paperFile(
    'title: Routing Sparse Transformers\nauthors: [Aurko Roy, Mohammad Saffar]\ndate: 2025-08-27\npublished: 2020-03-12\ncode: https://github.com/x/routing\narxiv: 2003.05997v2',
    'Sparse attention with online k-means routing reduces the cost of attention.',
  ),
  'content/papers/kernels.md': paperFile(
    'title: Faster Kernels for Attention in $O(n^2)$\nauthors: [Ada Lovelace]\ndate: 2025-08-27\npublished: 2024-11-02',
    'A kernel library for sparse attention on GPUs that mentions routing once, and reaches a \\(7\\times\\) speedup.',
  ),
  'content/papers/images.md': paperFile(
    'title: Images at Scale\nauthors: [Grace Hopper]\ndate: 2025-08-26\npublished: 2023-05-20\nvenue: CVPR 2023\ndoi: 10.1109/CVPR52729.2023.00001',
    'An image model trained on many image datasets.',
  ),
  'content/papers/sparse-images.md': paperFile(
    'title: Sparse Attention for Image Models\nauthors: [Alan Turing]\ndate: 2025-08-26\npublished: 2025-01-15',
    'We apply sparse attention to image classification.',
  ),
  'content/papers/plain.md': paperFile('title: A Study of Nothing in Particular\ndate: 2025-08-25', 'Plain text about optimisation.'),
};

interface Site {
  origin: string;
  base: string;
  close: () => Promise<void>;
}

let browser: Browser;
const sites: Record<'root' | 'base', Site> = {} as never;

beforeAll(async () => {
  const root = await writeFixture('search-site', { 'content/tags.yml': vocabulary, ...papers });
  for (const [name, base] of [
    ['root', '/'],
    ['base', '/archive/'],
  ] as const) {
    const outDir = join(root, `dist-${name}`);
    const build = await run(process.execPath, [astroBin, 'build', '--root', root, '--base', base, '--outDir', outDir], repoRoot);
    expect(build.code, build.output).toBe(0);
    expect(build.output).toContain('search: indexed 5 pages into');
    const server = await serveStatic(outDir, base);
    sites[name] = { origin: server.origin, base, close: server.close };
  }
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  for (const site of Object.values(sites)) await site.close();
});

const titles = (page: Page) => page.locator('.search-result-title a').allTextContents();

/** Opens the filter panel as a reader does; its values and counts load then. */
async function openFilters(page: Page): Promise<void> {
  // The panel names only the filters that divide these papers: here all four.
  await page.getByText('Filter by tags, year, venue, code').click();
  await page.locator('fieldset[data-filter="tag"]').waitFor();
}
const status = (page: Page) => page.locator('[data-search-status]');

/** Errors each open page logged, checked when the test closes it. */
const pageErrors = new WeakMap<Page, string[]>();

async function openSearch(site: Site, query = ''): Promise<Page> {
  const page = await watchedPage();
  await page.goto(`${site.origin}${site.base}search/${query}`);
  await page.locator('.search-page.search-ready').waitFor();
  return page;
}

async function watchedPage(): Promise<Page> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} ${message.location().url}`);
  });
  pageErrors.set(page, errors);
  return page;
}

/** Closes a page after checking it logged no error. */
async function done(page: Page): Promise<void> {
  const errors = pageErrors.get(page) ?? [];
  await page.close();
  expect(errors).toEqual([]);
}

for (const name of ['root', 'base'] as const) {
  describe(`search at ${name === 'root' ? 'the site root' : 'the base path /archive/'}`, () => {
    it('shows results as you type, the title match first, with highlighted excerpts and no glyph soup', async () => {
      const site = sites[name];
      const page = await openSearch(site);
      await page.locator('#search-query').fill('routing');
      await expect.poll(() => titles(page)).toEqual(['Routing Sparse Transformers', 'Faster Kernels for Attention in O(n²)']);
      await expect(status(page).textContent()).resolves.toBe('2 results for “routing”');
      await expect(page.locator('.search-result mark').first().textContent()).resolves.toMatch(/^routing/i);
      await page.locator('#search-query').fill('speedup');
      await expect.poll(() => titles(page)).toEqual(['Faster Kernels for Attention in O(n²)']);
      const excerpt = await page.locator('.search-result-excerpt').first().textContent();
      // The formula once, as a reader reads it: not its TeX source, not KaTeX's glyphs beside it.
      expect(excerpt).toContain('a 7× speedup');
      expect(excerpt).not.toContain('\\times');
      expect(excerpt!.split('×')).toHaveLength(2);
      await done(page);
    });

    it('filters by tag with counts that follow the results, a parent tag finding its children', async () => {
      const page = await openSearch(sites[name]);
      await openFilters(page);
      const counter = (filter: string, value: string) =>
        page.locator(`fieldset[data-filter="${filter}"] .search-filter-count[data-value="${value}"]`).textContent();
      await expect(counter('tag', 'Attention')).resolves.toBe('(3)');
      await expect(counter('tag', 'Vision')).resolves.toBe('(2)');
      await page.getByRole('checkbox', { name: /^Attention/ }).check();
      await expect
        .poll(() => titles(page).then((t) => t.sort()))
        .toEqual(['Faster Kernels for Attention in O(n²)', 'Routing Sparse Transformers', 'Sparse Attention for Image Models']);
      await expect.poll(() => counter('tag', 'Vision')).toBe('(1)');
      await page.getByRole('checkbox', { name: /^Vision/ }).check();
      await expect.poll(() => titles(page)).toEqual(['Sparse Attention for Image Models']);
      // "Has code" is a value no result has now: it could only find nothing, so it is left out. A year stays whatever
      // its count, as choosing another year widens the results; chosen values stay.
      const hasCode = page.locator('fieldset[data-filter="code"] li', { hasText: 'Has code' });
      // The value is in the list, only not shown: a missing list would make "not visible" say nothing.
      await expect(hasCode.count()).resolves.toBe(1);
      await expect.poll(() => hasCode.isVisible()).toBe(false);
      // And a filter with no value left is not an empty box.
      await expect.poll(() => page.locator('fieldset[data-filter="code"]').isVisible()).toBe(false);
      await expect(page.locator('fieldset[data-filter="year"] li', { hasText: '2023' }).isVisible()).resolves.toBe(true);
      await expect(page.locator('fieldset[data-filter="tag"] li', { hasText: 'Vision' }).isVisible()).resolves.toBe(true);
      await done(page);
    });

    it('sorts by date either way and filters by year, venue and code', async () => {
      const page = await openSearch(sites[name]);
      await page.getByLabel('Sort').selectOption('newest');
      await expect
        .poll(() => titles(page))
        .toEqual([
          'A Study of Nothing in Particular',
          'Sparse Attention for Image Models',
          'Faster Kernels for Attention in O(n²)',
          'Images at Scale',
          'Routing Sparse Transformers',
        ]);
      await page.getByLabel('Sort').selectOption('oldest');
      await expect.poll(() => titles(page).then((t) => t[0])).toBe('Routing Sparse Transformers');
      await openFilters(page);
      await page.getByRole('checkbox', { name: /^2023/ }).check();
      await expect.poll(() => titles(page)).toEqual(['Images at Scale']);
      await page.getByRole('checkbox', { name: /^2020/ }).check();
      await expect.poll(() => titles(page)).toEqual(['Routing Sparse Transformers', 'Images at Scale']);
      await page.getByRole('checkbox', { name: /^CVPR 2023/ }).check();
      await expect.poll(() => titles(page)).toEqual(['Images at Scale']);
      await page.getByRole('checkbox', { name: /^CVPR 2023/ }).uncheck();
      await page.getByRole('checkbox', { name: /^Has code/ }).check();
      await expect.poll(() => titles(page)).toEqual(['Routing Sparse Transformers']);
      await done(page);
    });

    it('keeps query, filters and sort in the URL, so a shared link gives the same results', async () => {
      const site = sites[name];
      const page = await openSearch(site);
      await page.locator('#search-query').fill('sparse');
      await expect.poll(() => titles(page).then((t) => t.length)).toBe(3);
      await openFilters(page);
      // Filters opened after a search count that search's results (they once stayed at 0 until the query changed).
      const counter = (value: string) =>
        page.locator(`fieldset[data-filter="tag"] .search-filter-count[data-value="${value}"]`).textContent();
      await expect.poll(() => counter('Vision')).toBe('(1)');
      await expect.poll(() => counter('Attention')).toBe('(3)');
      await page.getByRole('checkbox', { name: /^Vision/ }).check();
      await expect.poll(() => titles(page)).toEqual(['Sparse Attention for Image Models']);
      const shared = new URL(page.url());
      expect(shared.pathname).toBe(`${site.base}search/`);
      expect(shared.searchParams.get('q')).toBe('sparse');
      expect(shared.searchParams.getAll('tag')).toEqual(['Vision']);
      const other = await openSearch(site, shared.search);
      await expect.poll(() => titles(other)).toEqual(['Sparse Attention for Image Models']);
      await expect(other.locator('#search-query').inputValue()).resolves.toBe('sparse');
      await expect(other.getByRole('checkbox', { name: /^Vision/ }).isChecked()).resolves.toBe(true);
      await done(other);
      await done(page);
    });

    it('offers a way forward when nothing matches: papers with some of the words, topics and every paper', async () => {
      const site = sites[name];
      const page = await openSearch(site);
      /** Types a query no paper has all of, and waits for the papers offered with some of its words, by title. */
      const offered = async (query: string, expected: string[]) => {
        // Cleared first, so what is read next is this query's answer, not the last one's.
        await page.locator('#search-query').fill('');
        await expect.poll(() => status(page).textContent()).toMatch(/^Type to search/);
        await page.locator('#search-query').fill(query);
        await expect
          .poll(() => page.locator('.search-suggestions').first().textContent())
          .toBe('No paper has all of these words. Papers with some of them:');
        await expect.poll(() => titles(page).then((t) => t.sort())).toEqual(expected);
      };
      // Both words are in the archive, never in one paper.
      await offered('routing image', [
        'Faster Kernels for Attention in O(n²)',
        'Images at Scale',
        'Routing Sparse Transformers',
        'Sparse Attention for Image Models',
      ]);
      await expect(page.locator('.search-suggestions').last().textContent()).resolves.toBe('Or browse the topics or every paper.');
      await expect(page.getByRole('link', { name: 'the topics' }).getAttribute('href')).resolves.toBe(`${site.base}tags/`);
      // One word of three letters or more beside a shorter one found nowhere: the papers of that word.
      await offered('routing qz', ['Faster Kernels for Attention in O(n²)', 'Routing Sparse Transformers']);
      await page.locator('#search-query').fill('zeppelins');
      await expect
        .poll(() => page.locator('.search-suggestions').textContent())
        .toBe('No paper matches. Browse the topics or every paper.');
      await expect(page.getByRole('link', { name: 'every paper' }).getAttribute('href')).resolves.toBe(`${site.base}papers/`);
      await done(page);
    });

    it("lists every paper under a tag, its narrower tags' too, newest first, at the address a broader tag's page links to", async () => {
      const page = await openSearch(sites[name], '?tag=Attention&sort=newest');
      await expect
        .poll(() => titles(page))
        .toEqual(['Sparse Attention for Image Models', 'Faster Kernels for Attention in O(n²)', 'Routing Sparse Transformers']);
      await done(page);
    });

    it("takes a tag in an address as its page's address spells it, and lists a filter's papers newest first", async () => {
      const site = sites[name];
      const page = await watchedPage();
      await page.goto(`${site.origin}${site.base}search/?tag=sparse-attention`);
      // No query to rank by: newest first, under "Best match" as under "Newest first".
      await expect
        .poll(() => titles(page))
        .toEqual(['Sparse Attention for Image Models', 'Faster Kernels for Attention in O(n²)', 'Routing Sparse Transformers']);
      await expect(status(page).textContent()).resolves.toBe('3 results');
      await expect(
        page.locator('fieldset[data-filter="tag"] label', { hasText: 'Sparse attention' }).locator('input').isChecked(),
      ).resolves.toBe(true);
      await expect.poll(() => new URL(page.url()).search).toBe('?tag=Sparse+attention');
      await done(page);
    });

    it('says when the chosen filters leave out the papers a query finds', async () => {
      const site = sites[name];
      const page = await watchedPage();
      await page.goto(`${site.origin}${site.base}search/?q=routing&tag=Vision`);
      await expect
        .poll(() => status(page).textContent())
        .toBe('0 results for “routing”. 2 papers match without the chosen filters: clear them to see them.');
      await done(page);
    });

    it('leaves out a filter value of a shared address that no paper has, and says so, rather than find nothing', async () => {
      const site = sites[name];
      const page = await watchedPage();
      await page.goto(`${site.origin}${site.base}search/?q=routing&tag=Renamed+tag`);
      await expect.poll(() => titles(page)).toEqual(['Routing Sparse Transformers', 'Faster Kernels for Attention in O(n²)']);
      await expect(status(page).textContent()).resolves.toBe(
        '2 results for “routing”. The address asked for tags “Renamed tag”, which no paper of this archive has, so it is left out.',
      );
      await expect.poll(() => new URL(page.url()).search).toBe('?q=routing');
      await done(page);
    });

    it('goes straight to a paper by its arXiv id or DOI, and offers arXiv for an id the archive lacks', async () => {
      const site = sites[name];
      const page = await openSearch(site);
      const results = () => page.locator('#search-results li').allTextContents();
      for (const query of ['2003.05997v2', 'arXiv:2003.05997', 'https://arxiv.org/abs/2003.05997']) {
        await page.locator('#search-query').fill(query);
        await expect.poll(() => titles(page), { message: query }).toEqual(['Routing Sparse Transformers']);
      }
      await page.locator('#search-query').fill('https://doi.org/10.1109/cvpr52729.2023.00001');
      await expect.poll(() => titles(page)).toEqual(['Images at Scale']);
      await page.locator('#search-query').fill('arXiv:1706.03762v7');
      await expect
        .poll(results)
        .toEqual(['No paper of this archive records arXiv:1706.03762; one may be here without it, so search its title. Open it on arXiv']);
      await expect(page.getByRole('link', { name: 'Open it on arXiv' }).getAttribute('href')).resolves.toBe(
        'https://arxiv.org/abs/1706.03762',
      );
      // Enter on an id the archive has opens its paper.
      await page.locator('#search-query').fill('2003.05997');
      await expect.poll(() => titles(page)).toEqual(['Routing Sparse Transformers']);
      await page.locator('#search-query').press('Enter');
      await page.waitForURL(new RegExp(`^${site.origin}${site.base}papers/routing`));
      await done(page);
    });

    it('works by keyboard alone: / to the box, Enter to search, arrows through results, Enter to open', async () => {
      const site = sites[name];
      const page = await watchedPage();
      await page.goto(`${site.origin}${site.base}`);
      await page.keyboard.press('/');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('site-search-input');
      await page.keyboard.type('image');
      await page.keyboard.press('Enter');
      await page.waitForURL(`${site.origin}${site.base}search/?q=image`);
      await expect.poll(() => titles(page).then((t) => t.length)).toBe(2);
      // On the search page too, `/` from elsewhere on the page goes back to its box.
      await page.locator('h1').click();
      await page.keyboard.press('/');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('search-query');
      await page.locator('#search-query').focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      const second = (await titles(page))[1]!;
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(second);
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`^${site.origin}${site.base}papers/`));
      await expect(page.locator('h1').textContent()).resolves.toBe(second);
      await page.keyboard.press('Control+k');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('site-search-input');
      await done(page);
    });
  });
}

describe('page weight', () => {
  it('loads only the small shortcut script before a search, and Pagefind on the search page', async () => {
    const site = sites.root;
    const page = await browser.newPage();
    const scripts: string[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response.url());
    });
    await page.goto(`${site.origin}/papers/kernels/`);
    await page.waitForLoadState('networkidle');
    expect(scripts.some((url) => url.includes('pagefind'))).toBe(false);
    const external = await Promise.all(scripts.map(async (url) => (await (await fetch(url)).arrayBuffer()).byteLength));
    const inline = await page.locator('script:not([src])').evaluateAll((list) => list.map((s) => (s.textContent ?? '').length));
    expect(inline.length + external.length).toBeGreaterThan(0);
    expect([...inline, ...external].reduce((a, b) => a + b, 0)).toBeLessThan(4096);
    await page.close();
    expect(await readFile(join(repoRoot, 'test/.work/search-site/dist-root/pagefind/pagefind-entry.json'), 'utf8')).toContain(
      '"page_count":5',
    );
  });

  it("runs a first query on the page's own thread: Pagefind's code is fetched once, not again as a web worker", async () => {
    const page = await browser.newPage();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning' || message.type() === 'error') warnings.push(message.text());
    });
    await page.goto(`${sites.root.origin}/search/?q=routing`);
    await page.locator('.search-result').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await titles(page)).toContain('Routing Sparse Transformers');
    expect(fetched).toContain('/pagefind/pagefind.js');
    expect(fetched.filter((path) => path.startsWith('/pagefind/') && path.endsWith('.js'))).toEqual(['/pagefind/pagefind.js']);
    expect(warnings).toEqual([]);
    await page.close();
  });
});
