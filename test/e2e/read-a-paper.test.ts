// A reader opens the archive in Chromium, picks a paper from the day's list and reads its math.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { repoRoot, run } from '../support/fixture-site.ts';
import { serveStatic } from '../support/static-server.ts';
import { launchChromium } from '../support/browser.ts';

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  const build = await run(process.execPath, [join(repoRoot, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], repoRoot);
  expect(build.code, build.output).toBe(0);
  server = await serveStatic(join(repoRoot, 'dist'));
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('reading the shipped archive', () => {
  it('goes from the home page to a paper whose formula is drawn by KaTeX, with no math script and no outside request', async () => {
    const page = await browser.newPage();
    const outside: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(server.origin)) outside.push(request.url());
    });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${server.origin}/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Papers of August 27, 2025');
    expect(await page.locator('.paper-card').count()).toBe(59);

    await page.getByRole('link', { name: /^RAT: Bridging RNN Efficiency/ }).click();
    await page.waitForURL(/\/papers\/rat-bridging-rnn-efficiency/);
    const formula = page.locator('.abstract .katex').first();
    await expect(formula.locator('annotation').textContent()).resolves.toBe('7\\times');
    const box = await formula.locator('.katex-html').boundingBox();
    expect(box?.width).toBeGreaterThan(10);
    expect(
      await page
        .locator('.abstract .katex-mathml')
        .first()
        .evaluate((el) => getComputedStyle(el).position),
    ).toBe('absolute');
    // The scripts are the search shortcut and the copy button, files every page shares (the browser caches them):
    // no math script in the browser.
    const scripts = await page
      .locator('script')
      .evaluateAll((list) =>
        Promise.all(list.map(async (s) => (s instanceof HTMLScriptElement && s.src ? (await fetch(s.src)).text() : (s.textContent ?? '')))),
      );
    expect(await page.locator('script[src]').count()).toBe(2);
    expect(scripts.map((s) => (s.includes('data-search-input') ? 'shortcut' : s.includes('Copy BibTeX') ? 'copy' : s))).toEqual([
      'shortcut',
      'copy',
    ]);
    // Small files every page shares; the copy script makes the citation's buttons, which the pages then go without.
    for (const script of scripts) expect(script.length).toBeLessThan(1536);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sets formulas at the size of the words around them, and keeps Previous and Next tidy', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/papers/rat-bridging-rnn-efficiency-and-attention-accuracy-in/`);
    const sizes = await page
      .locator('.abstract .katex')
      .first()
      .evaluate((el) => [getComputedStyle(el).fontSize, getComputedStyle(el.closest('p')!).fontSize]);
    expect(sizes[0]).toBe(sizes[1]);
    const nav = page.locator('.paper-day-nav a[rel]').first();
    // Only the title is underlined, not the label or the space after it; a long title wraps beside its label.
    expect(await nav.evaluate((a) => getComputedStyle(a).textDecorationLine)).toBe('none');
    expect(await nav.locator('span').evaluate((t) => getComputedStyle(t).textDecorationLine)).toBe('underline');
    const [hint, title] = await Promise.all([nav.locator('small').boundingBox(), nav.locator('span').boundingBox()]);
    expect(title!.x).toBeGreaterThan(hint!.x + hint!.width);
    await page.close();
  });

  it('keeps the header to two rows on a phone: the links, then the search field, with no button wrapped alone', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    const tops = await page
      .locator('.site-nav > a, .site-search input')
      .evaluateAll((list) => list.map((el) => el.getBoundingClientRect().top));
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(60);
    // The button is still there for screen readers (and Enter submits).
    expect(await page.getByRole('button', { name: 'Search' }).count()).toBe(1);
    await context.close();
  });

  it('offers only the filters that divide the shipped papers, and finds a tag by typing', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/search/`);
    await page.locator('.search-ready').waitFor();
    // No shipped paper has a venue or a known year: those filters are not offered.
    const summary = await page.locator('[data-search-filters-panel] summary').textContent();
    expect(summary).toMatch(/^Filter by tags/);
    expect(summary).not.toMatch(/venue|year/);
    await page.locator('[data-search-filters-panel] summary').click();
    const tags = page.locator('fieldset[data-filter="tag"] li');
    await tags.first().waitFor();
    expect(await tags.count()).toBeGreaterThan(12);
    await page.getByLabel('Find in Tags').fill('vision');
    const shown = await tags.evaluateAll((list) => list.filter((li) => !(li as HTMLElement).hidden).map((li) => li.textContent ?? ''));
    expect(shown.length).toBeGreaterThan(0);
    for (const text of shown) expect(text.toLowerCase()).toContain('vision');
    await page.close();
  });

  it('follows the system colour scheme', async () => {
    const background = async (colorScheme: 'light' | 'dark') => {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto(`${server.origin}/`);
      const color = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      await context.close();
      return color;
    };
    expect(await background('light')).toBe('rgb(253, 253, 252)');
    expect(await background('dark')).toBe('rgb(21, 23, 26)');
  });

  it('serves the 404 page for an unknown address, with a way back', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${server.origin}/papers/no-such-paper/`);
    expect(response?.status()).toBe(404);
    await page.getByRole('link', { name: 'Go to the latest papers' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Papers of August 27, 2025');
    await page.close();
  });

  it('copies the BibTeX entry with one click, and downloads the same entry as a .bib file', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const page = await context.newPage();
    await page.goto(`${server.origin}/papers/rat-bridging-rnn-efficiency-and-attention-accuracy-in/`);
    await page.getByRole('button', { name: 'Copy BibTeX' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied' }).textContent()).resolves.toBe('Copied to the clipboard.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    // The shipped site writes no file a paper: the download is made in the page from the entry it shows.
    expect((await fetch(`${server.origin}/papers/rat-bridging-rnn-efficiency-and-attention-accuracy-in.bib`)).status).toBe(404);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .bib' }).click()]);
    expect(download.suggestedFilename()).toBe('rat-bridging-rnn-efficiency-and-attention-accuracy-in.bib');
    const file = await readFile((await download.path())!, 'utf8');
    await expect(page.getByRole('status').textContent()).resolves.toBe(
      'Downloading rat-bridging-rnn-efficiency-and-attention-accuracy-in.bib.',
    );
    // Both are the paper's entry as the whole archive's BibTeX file has it, not just the same text twice.
    const archiveBib = await (await fetch(`${server.origin}/papers.bib`)).text();
    expect(file).toBe(/^@misc\{rat,\n[\s\S]*?\n\}\n/m.exec(archiveBib)?.[0]);
    expect(copied).toBe(file);
    expect(copied).toMatch(/^@misc\{rat,\n/);
    // The seed gives no publication date, and the day the paper joined the archive is not one.
    expect(copied).not.toContain('year =');
    await context.close();
  });
});
