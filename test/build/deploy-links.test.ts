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
  'content/papers/one.md': paperFile('title: One on attention\nauthors: ["Ada Lovelace"]\ndate: 2025-01-02\narxiv: 2401.00001v2\ntags: [C++]', 'About attention, with \\(x^2\\).'),
  'content/papers/two.md': paperFile('title: Two\nauthors: ["Alan Turing"]\ndate: 2025-01-01', 'About attention too.'),
};

const cases = [
  ['/', 'ignore'],
  ['/archive/', 'always'],
  ['/archive/', 'never'],
  ['/archive/', 'ignore'],
] as const;

describe('links after deploying anywhere', () => {
  for (const [base, trailingSlash] of cases) {
    it(`resolve at ${base} with trailingSlash ${trailingSlash}`, async () => {
      const name = `deploy-${base === '/' ? 'root' : 'archive'}-${trailingSlash}`;
      const config = `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nimport papershelf from 'astro-papershelf';\nexport default defineConfig({ site: 'https://example.org', base: '${base}', trailingSlash: '${trailingSlash}', integrations: [mdx(), papershelf()] });\n`;
      const site = await buildFixture(name, { ...files, 'astro.config.mjs': config });
      expect(site.code, site.output).toBe(0);
      const dist = join(site.root, 'dist');
      expect(await brokenLinks(dist, base)).toEqual([]);
      const paper = load(await site.read('papers/one/index.html'));
      expect(paper('link[rel=canonical]').attr('href')).toBe(`https://example.org${base}papers/one/`);
      expect(paper('link[rel=alternate][type="application/rss+xml"]').attr('href')).toBe(`${base}rss.xml`);
      expect(load(await site.read('search/index.html'))('[data-bundle]').attr('data-bundle')).toBe(`${base}pagefind/pagefind.js`);
      const sitemap = load(await site.read('sitemap-0.xml'), { xml: true });
      const urls = sitemap('url > loc').map((_, l) => sitemap(l).text()).get();
      expect(urls.length).toBeGreaterThan(5);
      for (const url of urls) expect(url.startsWith(`https://example.org${base}`), url).toBe(true);
      expect(await readFile(join(dist, 'robots.txt'), 'utf8')).toContain(`Sitemap: https://example.org${base}sitemap-index.xml`);
    }, 120_000);
  }
});
