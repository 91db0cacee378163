// The search query set (test/fixtures/search/query-set.ts), typed into the search page in Chromium over the shipped
// archive and a fixture archive: the share of queries of each class whose expected paper is among the first three
// results, reported per class, with a budget of 95% in every class.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { astroBin, repoRoot, run, writeFixture } from '../support/fixture-site.ts';
import { serveStatic } from '../support/static-server.ts';
import { launchChromium } from '../support/browser.ts';
import { fixturePapers, rankingCases, searchCases, type QueryClass, type SearchCase } from '../fixtures/search/query-set.ts';

let browser: Browser;
const servers: Record<SearchCase['site'], Awaited<ReturnType<typeof serveStatic>>> = {} as never;

beforeAll(async () => {
  const shipped = await run(process.execPath, [astroBin, 'build'], repoRoot);
  expect(shipped.code, shipped.output).toBe(0);
  servers.shipped = await serveStatic(join(repoRoot, 'dist'));
  // The fixture's index is bundled as a large archive's is, about four papers a file, with the short page names
  // those get (compact-page-names.ts); the shipped archive's has a file a paper, named as Pagefind names them.
  const root = await writeFixture('search-queries', fixturePapers, '{ search: { maxFragments: 6 } }');
  const fixture = await run(process.execPath, [astroBin, 'build', '--root', root], repoRoot);
  expect(fixture.code, fixture.output).toBe(0);
  servers.fixture = await serveStatic(join(root, 'dist'));
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  for (const server of Object.values(servers)) await server?.close();
});

const status = '[data-search-status]';

/** Types a query into the search page as a reader does and returns the addresses of the first three results. */
async function firstThree(page: Page, query: string): Promise<{ hrefs: string[]; text: string }> {
  await page.locator('#search-query').fill('');
  await page.waitForFunction((s) => document.querySelector(s)?.textContent?.startsWith('Type to search'), status);
  await page.locator('#search-query').fill(query);
  await page.waitForFunction((s) => !document.querySelector(s)?.textContent?.startsWith('Type to search'), status);
  const hrefs = await page
    .locator('.search-result-title a')
    .evaluateAll((links) => links.slice(0, 3).map((a) => a.getAttribute('href') ?? ''));
  return { hrefs, text: (await page.locator('[data-search-results]').textContent()) ?? '' };
}

function isHit(test: SearchCase, found: { hrefs: string[]; text: string }): boolean {
  if (test.expect === 'absent') return /^No paper of this archive records /.test(found.text) && found.hrefs.length === 0;
  return found.hrefs.some((href) => (test.expect as string[]).some((slug) => href.endsWith(`/papers/${slug}/`)));
}

describe('the search query set', () => {
  it('puts the expected paper in the first three results for at least 95% of the queries of every class', async () => {
    const tally = new Map<QueryClass, { hits: number; misses: string[] }>();
    for (const site of ['shipped', 'fixture'] as const) {
      const page = await browser.newPage();
      await page.goto(`${servers[site].origin}/search/`);
      await page.locator('.search-page.search-ready').waitFor();
      for (const test of searchCases.filter((c) => c.site === site)) {
        const found = await firstThree(page, test.query);
        const counts = tally.get(test.class) ?? { hits: 0, misses: [] };
        if (isHit(test, found)) counts.hits++;
        else counts.misses.push(`${test.query} → ${found.hrefs.join(', ') || '(nothing)'}`);
        tally.set(test.class, counts);
      }
      await page.close();
    }
    const report = [...tally].map(([name, { hits, misses }]) => {
      const total = hits + misses.length;
      return { name, hits, total, rate: hits / total, misses };
    });
    console.log(
      [
        'Search query set, top-3 hit rate:',
        ...report.map(
          (r) =>
            `  ${r.name.padEnd(9)} ${r.hits}/${r.total} (${Math.round(r.rate * 100)}%)${r.misses.map((m) => `\n    missed: ${m}`).join('')}`,
        ),
      ].join('\n'),
    );
    expect(searchCases.length).toBeGreaterThanOrEqual(60);
    for (const r of report) expect(r.rate, `${r.name}: missed\n${r.misses.join('\n')}`).toBeGreaterThanOrEqual(0.95);
  });

  it('ranks a title match above an abstract match, and a tie by the newer date', async () => {
    for (const { site, query, order, why } of rankingCases) {
      const page = await browser.newPage();
      await page.goto(`${servers[site].origin}/search/`);
      await page.locator('.search-page.search-ready').waitFor();
      await firstThree(page, query);
      const hrefs = await page.locator('.search-result-title a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      const at = order.map((slug) => hrefs.indexOf(`/papers/${slug}/`));
      expect(at, `${query}: ${why}; results ${hrefs.join(', ')}`).toEqual([at[0], at[0]! + 1]);
      expect(at[0], `${query}: ${why}`).toBeGreaterThanOrEqual(0);
      await page.close();
    }
  });

  it('shows excerpts from the abstract, cut at whole words with ellipses, marking words and not their punctuation', async () => {
    const page = await browser.newPage();
    await page.goto(`${servers.shipped.origin}/search/`);
    await page.locator('.search-page.search-ready').waitFor();
    for (const query of ['attention sinks', 'hallucination', 'O(n^2)', 'retrieval heads']) {
      await firstThree(page, query);
      const results = await page.locator('.search-result').evaluateAll((items) =>
        items.map((li) => ({
          title: li.querySelector('.search-result-title')?.textContent ?? '',
          excerpt: li.querySelector('.search-result-excerpt')?.textContent ?? '',
          marks: [...li.querySelectorAll('.search-result-excerpt mark')].map((m) => m.textContent ?? ''),
        })),
      );
      expect(results.length, query).toBeGreaterThan(0);
      for (const { title, excerpt, marks } of results) {
        expect(excerpt, `${query}: ${title}`).not.toContain(title.slice(0, 40));
        expect(excerpt, `${query}: ${title}`).toMatch(/^(?:… )?[\p{Lu}\p{N}(“"]|^… \S/u);
        expect(excerpt, `${query}: ${title}`).toMatch(/(?:[.!?)]|[\p{L}\p{N})]…)$/u);
        for (const mark of marks) expect(mark, `${query}: ${title}`).toMatch(/^[\p{L}\p{N}](?:.*[\p{L}\p{N}])?$/u);
      }
      // Of a word with punctuation inside (`heads:(1)`, `heads/MLPs`), only the part the query matched is marked.
      if (query === 'retrieval heads') {
        const marks = results.flatMap((r) => r.marks);
        expect(marks, query).toContain('heads');
        for (const mark of marks) expect(mark, query).toMatch(/^[\p{L}\p{N}]+$/u);
      }
      // A formula query matches the formula's hidden key; the excerpt is still taken around the formula, and marks it.
      if (query === 'O(n^2)')
        expect(
          results.some((r) => r.marks.length > 0),
          query,
        ).toBe(true);
    }
    await page.close();
  });

  it('names what a query is matched against: authors only where the papers name them', async () => {
    for (const [site, searched] of [
      ['shipped', 'title or abstract'],
      ['fixture', 'title, author or abstract'],
    ] as const) {
      const page = await browser.newPage();
      await page.goto(`${servers[site].origin}/search/`);
      await expect(page.locator('label[for="search-query"]').textContent()).resolves.toBe(`Search papers by ${searched}`);
      await page.close();
    }
  });

  it('finds nothing for a word found nowhere, where Pagefind would offer its first letters, and still finds stems and prefixes', async () => {
    const page = await browser.newPage();
    await page.goto(`${servers.shipped.origin}/search/`);
    await page.locator('.search-page.search-ready').waitFor();
    const titles = () => page.locator('.search-result-title a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const filterCounts = () =>
      page.locator('.search-filter-count').evaluateAll((counts) => counts.map((count) => Number(/\d+/.exec(count.textContent ?? '')?.[0])));
    for (const query of ['xyzzyplugh', 'atention', 'retreival', 'RAG', 'PPO', 'protein']) {
      const found = await firstThree(page, query);
      expect(found.text, query).toMatch(/^No paper matches/);
      expect(await titles(), query).toEqual([]);
    }
    // A misspelt word is offered as the word the archive has, a link that searches for it.
    await firstThree(page, 'sparse atention');
    const meant = page.locator('.search-meant');
    await expect(meant.textContent()).resolves.toBe('sparse attention');
    // The status line, which a screen reader reads out, says it too.
    await expect(page.locator(status).textContent()).resolves.toBe('0 results for “sparse atention”. Did you mean “sparse attention”?');
    await meant.click();
    await page.waitForURL(/\?q=sparse\+attention$/);
    await page.locator('.search-result').first().waitFor();
    expect(await page.locator('#search-query').inputValue()).toBe('sparse attention');
    await firstThree(page, 'xyzzyplugh');
    expect(await page.locator('.search-meant').count()).toBe(0);
    for (const query of ['hallucinations', 'atten', 'retrieval'])
      expect((await firstThree(page, query)).hrefs.length, query).toBeGreaterThan(0);
    // A lone letter would find every word it starts: alone it asks for more, beside other words it is left out.
    await firstThree(page, 'T');
    expect(await page.locator(status).textContent()).toBe(
      'Type a word of two letters or more: “T” would find every word that starts with it.',
    );
    expect(await titles()).toEqual([]);
    await firstThree(page, 'retrieval T');
    const withLetter = (await titles()).sort();
    await firstThree(page, 'retrieval');
    expect(withLetter).toEqual((await titles()).sort());
    // A hyphenated query finds what the same words apart find.
    const spellings: [string, string][] = [
      ['self-attention', 'self attention'],
      ['long-context', 'long context'],
    ];
    for (const [hyphenated, apart] of spellings) {
      await firstThree(page, hyphenated);
      const withHyphen = (await titles()).sort();
      await firstThree(page, apart);
      expect(withHyphen, hyphenated).toEqual((await titles()).sort());
      expect(withHyphen.length, hyphenated).toBeGreaterThan(0);
    }
    // A quoted phrase finds the papers of both spellings, however it is typed.
    const phrase: (string | null)[][] = [];
    await page.locator('.search-filters-panel summary').click();
    await page.locator('fieldset[data-filter="tag"]').waitFor();
    for (const query of ['"self attention"', '"self-attention"', '"long context"']) {
      await firstThree(page, query);
      const shown = await titles();
      phrase.push(shown.sort());
      // A paper that writes both spellings is counted once in the filters' counts too.
      const counts = await filterCounts();
      expect(counts.length, query).toBeGreaterThan(0);
      const results = Number(/^\d+/.exec((await page.locator(status).textContent()) ?? '')?.[0]);
      expect(Math.max(...counts), query).toBeLessThanOrEqual(results);
    }
    expect(phrase[0]).toEqual(phrase[1]);
    // Loose matches that are not shown are not counted either.
    await firstThree(page, 'atention');
    const loose = await filterCounts();
    expect(loose.length).toBeGreaterThan(0);
    expect(Math.max(...loose)).toBe(0);
    expect(phrase[0]!.length).toBeGreaterThanOrEqual(7);
    // But a prefix that is no word (`re-`, `bi-`) stays on its word: apart, "re" would find "regions" and "rely".
    const whole: [string, string][] = [
      ['re-identification', '/papers/dual-cross-attention-learning-for-fine-grained-visual/'],
      ['bi-level', '/papers/biformer-vision-transformer-with-bi-level-routing-attention/'],
    ];
    for (const [query, only] of whole) {
      await firstThree(page, query);
      expect(await titles(), query).toEqual([only]);
    }
    await page.close();
  });

  it("links an author's page when the query names the author, however it is spelt", async () => {
    const page = await browser.newPage();
    await page.goto(`${servers.fixture.origin}/search/`);
    await page.locator('.search-page.search-ready').waitFor();
    for (const query of ['Soren Hauberg', 'hauberg søren']) {
      await firstThree(page, query);
      await expect(page.locator('.search-author a').getAttribute('href')).resolves.toBe('/authors/soren-hauberg/');
      await expect(page.locator('.search-author a').textContent()).resolves.toBe('Søren Hauberg');
    }
    // `Ł` is a letter Pagefind does not fold: either spelling of the name finds the papers of both.
    for (const query of ['Łukasz Kaiser', 'Lukasz Kaiser']) {
      await firstThree(page, query);
      const hrefs = await page.locator('.search-result-title a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      expect(hrefs.sort(), query).toEqual([
        '/papers/attention-is-all-you-need/',
        '/papers/one-model-to-learn-them-all/',
        '/papers/reformer/',
      ]);
    }
    await firstThree(page, 'residual learning');
    expect(await page.locator('.search-author').count()).toBe(0);
    await page.close();
  });

  it("does not find a formula's command names as words: `time` is not RAT's `7\\times`", async () => {
    const page = await browser.newPage();
    await page.goto(`${servers.shipped.origin}/search/`);
    await page.locator('.search-page.search-ready').waitFor();
    for (const query of ['time', 'times']) {
      await firstThree(page, query);
      const hrefs = await page.locator('.search-result-title a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      expect(
        hrefs.filter((href) => href.includes('/papers/rat-')),
        query,
      ).toEqual([]);
    }
    // The formula itself is still found, by any spelling.
    for (const query of ['7x', '7×', '7\\times'])
      expect(
        (await firstThree(page, query)).hrefs.some((href) => href.includes('/papers/rat-')),
        query,
      ).toBe(true);
    await page.close();
  });

  it("sorts papers of the same date in their day's order, newest first, and the exact reverse oldest first", async () => {
    // The shipped archive's 59 papers share one day and give no date of their own: by date, every one ties.
    const month = JSON.parse(await readFile(join(repoRoot, 'dist', 'month', '2025-08', 'papers.json'), 'utf8')) as {
      papers: { slug: string; rank: number }[];
    };
    const rankOf = new Map(month.papers.map((p) => [p.slug, p.rank]));
    const page = await browser.newPage();
    const ranks = async (sort: string) => {
      await page.goto(`${servers.shipped.origin}/search/?q=attention&sort=${sort}`);
      await page.locator('.search-result').first().waitFor();
      const hrefs = await page.locator('.search-result-title a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      return hrefs.map((href) => rankOf.get(href.split('/').at(-2)!));
    };
    const newest = await ranks('newest');
    expect(newest.length).toBeGreaterThan(5);
    expect(newest).toEqual([...newest].sort((a, b) => a! - b!));
    const oldest = await ranks('oldest');
    expect(oldest).toEqual([...oldest].sort((a, b) => b! - a!));
    await page.close();
  });
});
