// Every internal link, asset, feed link, canonical URL and sitemap entry is right at `/` and under `/archive/`,
// with trailingSlash `always`, `never` and `ignore`: a link checker runs over each build's dist/.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load } from 'cheerio';
import { buildFixture, paperFile } from '../support/fixture-site.ts';
import { brokenLinks } from '../support/link-check.ts';

const files = {
  'content/tags.yml': '- id: attention\n  label: Attention\n  match: [attention]\n- id: C++\n  label: C++\n',
  'content/papers/one.md': paperFile(
    'title: One on attention\nauthors: ["Ada Lovelace"]\ndate: 2025-01-02\narxiv: 2401.00001v2\ntags: [C++]',
    'About attention, with \\(x^2\\).',
  ),
  'content/papers/two.md': paperFile('title: Two\nauthors: ["Alan Turing"]\ndate: 2025-01-01', 'About attention too.'),
};

const cases = [
  ['/', 'ignore', 'directory'],
  ['/archive/', 'always', 'directory'],
  ['/archive/', 'never', 'directory'],
  ['/archive/', 'ignore', 'directory'],
  ['/archive/', 'ignore', 'file'],
] as const;

/** Every internal page address of a built page: links, canonical URL, form actions (files such as .bib and .xml aside). */
function pageAddresses(html: string): string[] {
  const $ = load(html);
  return $('a[href], link[rel=canonical], form[action]')
    .map((_, el) => $(el).attr('href') ?? $(el).attr('action'))
    .get()
    .filter((ref) => /^(?:\/|https:\/\/example\.org\/)/.test(ref))
    .map((ref) => new URL(ref, 'https://example.org').pathname)
    .filter((path) => !/\.[a-z0-9]+$/i.test(path));
}

describe('links after deploying anywhere', () => {
  for (const [base, trailingSlash, format] of cases) {
    it(`resolve at ${base} with trailingSlash ${trailingSlash} and build.format ${format}`, async () => {
      const name = `deploy-${base === '/' ? 'root' : 'archive'}-${trailingSlash}-${format}`;
      const config = `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nimport papershelf from 'astro-papershelf';\nexport default defineConfig({ site: 'https://example.org', base: '${base}', trailingSlash: '${trailingSlash}', build: { format: '${format}' }, integrations: [mdx(), papershelf()] });\n`;
      const site = await buildFixture(name, { ...files, 'astro.config.mjs': config });
      expect(site.code, site.output).toBe(0);
      const dist = join(site.root, 'dist');
      expect(await brokenLinks(dist, base)).toEqual([]);
      // Page addresses end in a slash as the site says: always, never, or (ignore) as its files are laid out.
      const slash = trailingSlash === 'always' || (trailingSlash === 'ignore' && format === 'directory');
      const pageFile = (path: string) => (format === 'file' ? `${path}.html` : `${path}/index.html`);
      const paperHtml = await site.read(pageFile('papers/one'));
      // The /arxiv/ redirect pages, written by the integration, lie where Astro would have put them.
      const redirect = load(await site.read(pageFile('arxiv/2401.00001v2')));
      expect(redirect('meta[http-equiv=refresh]').attr('content')).toBe(`0;url=${base}papers/one${slash ? '/' : ''}`);
      const paper = load(paperHtml);
      expect(paper('link[rel=canonical]').attr('href')).toBe(`https://example.org${base}papers/one${slash ? '/' : ''}`);
      const addresses = [...pageAddresses(paperHtml), ...pageAddresses(await site.read(pageFile('tags/attention')))];
      expect(addresses.length).toBeGreaterThan(10);
      for (const address of addresses.filter((a) => a !== base && a !== base.replace(/\/$/, '')))
        expect(address.endsWith('/'), address).toBe(slash);
      const feed = await site.read('rss.xml');
      expect(feed).toContain(`<link>https://example.org${base}papers/one${slash ? '/' : ''}</link>`);
      const tag = load(await site.read(pageFile('tags/attention')));
      expect(tag('link[rel=alternate][type="application/rss+xml"]').first().attr('href')).toBe(`${base}rss.xml`);
      expect(load(await site.read(pageFile('search')))('[data-bundle]').attr('data-bundle')).toBe(`${base}pagefind/pagefind.js`);
      // The paper pages were indexed, once each, as they were rendered: their files were found under every layout.
      expect(site.output).toMatch(/search: indexed 2 pages into dist\/pagefind\/ .* while the rest of the site was rendered/);
      const entry = JSON.parse(await site.read('pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
      expect(Object.values(entry.languages).map((l) => l.page_count)).toEqual([2]);
      const sitemap = load(await site.read('sitemap-0.xml'), { xml: true });
      const urls = sitemap('url > loc')
        .map((_, l) => sitemap(l).text())
        .get();
      expect(urls.length).toBeGreaterThan(5);
      for (const url of urls) expect(url.startsWith(`https://example.org${base}`), url).toBe(true);
      for (const url of urls.filter((u) => u !== `https://example.org${base}`)) expect(url.endsWith('/'), url).toBe(slash);
      expect(await readFile(join(dist, 'robots.txt'), 'utf8')).toContain(`Sitemap: https://example.org${base}sitemap-index.xml`);
    }, 120_000);
  }
});
