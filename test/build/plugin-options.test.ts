// The integration's options on a site that adopts it: a route prefix, features off, its own components and home page.
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { load } from 'cheerio';
import { buildFixture, paperFile, type FixtureBuild } from '../support/fixture-site.ts';
import { brokenLinks } from '../support/link-check.ts';

let site: FixtureBuild;

beforeAll(async () => {
  site = await buildFixture(
    'plugin-options',
    {
      'content/papers/one.md': paperFile(
        'title: One on attention\nauthors: ["Ada Lovelace"]\ndate: 2025-01-02',
        'About sparse attention routing.',
      ),
      'content/papers/two.md': paperFile(
        'title: Two on attention\nauthors: ["Alan Turing"]\ndate: 2025-01-01',
        'About sparse attention routing too.',
      ),
      'src/components/MyCard.astro':
        '---\nconst { paper } = Astro.props;\n---\n<div class="my-card" data-slug={paper.slug}>{paper.titleText}</div>\n',
      'src/components/MyFooter.astro': '<footer class="my-footer">Our own footer</footer>\n',
      'src/pages/index.astro': '<html lang="en"><head><title>Our home</title></head><body><h1>Our own home page</h1></body></html>\n',
    },
    {
      integration:
        "{ routePrefix: '/library', features: { home: false, authors: false, related: false, feeds: false, paperFiles: false }, components: { PaperCard: './src/components/MyCard.astro', SiteFooter: './src/components/MyFooter.astro' } }",
    },
  );
}, 240_000);

describe('a site that adopts the archive with options', () => {
  it('builds', () => {
    expect(site.code, site.output).toBe(0);
  });

  it('moves every archive page under the route prefix, keeping its own home page and the site-wide files at the root', async () => {
    expect(load(await site.read('index.html'))('h1').text()).toBe('Our own home page');
    for (const page of [
      'library/papers/one/index.html',
      'library/tags/index.html',
      'library/date/2025-01-02/index.html',
      'library/search/index.html',
      'library/papers.json',
      '404.html',
      'robots.txt',
      'pagefind/pagefind.js',
    ]) {
      await expect(site.read(page), page).resolves.toBeTruthy();
    }
    await expect(site.read('library/index.html')).rejects.toThrow();
    await expect(site.read('papers/one/index.html')).rejects.toThrow();
    const paper = load(await site.read('library/papers/one/index.html'));
    expect(paper('.site-title').attr('href')).toBe('/');
    expect(
      paper('.site-nav a')
        .map((_, a) => paper(a).attr('href'))
        .get(),
    ).toEqual(['/', '/library/papers/', '/library/date/', '/library/tags/']);
    expect(await brokenLinks(join(site.root, 'dist'), '/')).toEqual([]);
  });

  it('leaves out what is switched off: feeds, author pages and links, related papers, per-paper files', async () => {
    await expect(site.read('library/rss.xml')).rejects.toThrow();
    await expect(site.read('library/papers/one.bib')).rejects.toThrow();
    await expect(site.read('library/papers/one.json')).rejects.toThrow();
    await expect(site.read('library/papers.bib')).resolves.toContain('@misc{');
    await expect(site.read('library/authors/index.html')).rejects.toThrow();
    const paper = load(await site.read('library/papers/one/index.html'));
    expect(paper('.paper-header .authors a').length).toBe(0);
    expect(paper('.paper-header .authors').text()).toContain('Ada Lovelace');
    expect(paper('.related').length).toBe(0);
    expect(paper('.cite a[download]').length).toBe(0);
    expect(paper('.cite [data-bibtex]').text()).toMatch(/^@misc\{/);
  });

  it("uses the site's own components where it names them", async () => {
    const day = load(await site.read('library/date/2025-01-02/index.html'));
    expect(
      day('.my-card')
        .map((_, c) => day(c).attr('data-slug'))
        .get(),
    ).toEqual(['one']);
    expect(day('.paper-card').length).toBe(0);
    expect(day('footer.my-footer').text()).toBe('Our own footer');
  });
});
