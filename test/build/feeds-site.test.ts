// Feeds, JSON export, sitemap and robots.txt on a fixture built under a base path, each read back by a real parser.
import { beforeAll, describe, expect, it } from 'vitest';
import { load } from 'cheerio';
import { parseFeed } from '@rowanmanning/feed-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { buildFixture, paperFile, type FixtureBuild } from '../support/fixture-site.ts';

const vocabulary = '- id: attention\n  label: Attention\n  match: [attention]\n- id: vision\n  label: Vision\n';
const day = (i: number) => `2025-0${1 + Math.floor(i / 28)}-${String((i % 28) + 1).padStart(2, '0')}`;
const papers = Object.fromEntries(
  Array.from({ length: 55 }, (_, i) => [
    `content/papers/p${String(i).padStart(2, '0')}.md`,
    paperFile(
      `title: Paper ${i}\nauthors: ["Author ${i}"]\ndate: ${day(i)}${i % 2 ? '\ntags: [vision]' : ''}`,
      `About attention, number ${i}.`,
    ),
  ]),
);

let site: FixtureBuild;

beforeAll(async () => {
  site = await buildFixture(
    'feeds-site',
    {
      'content/tags.yml': vocabulary,
      ...papers,
      'content/papers/math.md': paperFile(
        'title: "Math & <b>markup</b> in $O(n)$"\nauthors: ["Ada Lovelace", "Alan Turing"]\ndate: 2025-03-01\npublished: 2024-12-31\narxiv: 2412.00001\ncode: https://github.com/a/b\nvenue: ICML 2025\ntags: [vision]',
        'We get a \\(7\\times\\) speedup & more. Feed readers show the rest when the item is opened.',
      ),
    },
    { integration: '{ features: { paperFiles: true } }', args: ['--base', '/archive/'] },
  );
}, 240_000);

describe('feeds', () => {
  it('builds', () => {
    expect(site.code, site.output).toBe(0);
  });

  it.each(['rss.xml', 'atom.xml'])('%s has the newest 50 papers, absolute links under the base path, dated by `date`', async (file) => {
    const feed = parseFeed(await site.read(file));
    expect(feed.title).toBe('Papershelf');
    expect(feed.items).toHaveLength(50);
    const first = feed.items[0]!;
    expect(first.title).toBe('Math & <b>markup</b> in O(n)');
    expect(first.url).toBe('https://example.org/archive/papers/math/');
    expect(first.authors.map((a) => a.name)).toEqual(['Ada Lovelace', 'Alan Turing']);
    expect(feed.items.map((item) => item.url)).toContain('https://example.org/archive/papers/p54/');
    const dates = feed.items.map((item) => (item.updated ?? item.published)!.toISOString().slice(0, 10));
    expect(dates[0]).toBe('2025-03-01');
    expect(dates[1]).toBe(day(54));
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('writes what each format requires: Atom categories with a term, titles and summaries as escaped HTML, RSS names as dc:creator', async () => {
    const atom = load(await site.read('atom.xml'), { xml: true });
    const entry = atom('entry').first();
    expect(
      entry
        .find('category')
        .map((_, c) => atom(c).attr('term'))
        .get(),
    ).toEqual(['vision']);
    expect(entry.find('category').attr('label')).toBe('Vision');
    // type="html": the characters of the title are escaped, so a reader shows "<b>" rather than bold.
    expect(entry.find('title').attr('type')).toBe('html');
    expect(entry.find('title').text()).toBe('Math &#38; &#60;b&#62;markup&#60;/b&#62; in O(n)');
    const rss = load(await site.read('rss.xml'), { xml: true });
    const item = rss('item').first();
    expect(item.find('title').text()).toBe('Math & <b>markup</b> in O(n)');
    expect(rss('item author').length).toBe(0);
    expect(
      item
        .find('dc\\:creator')
        .map((_, c) => rss(c).text())
        .get(),
    ).toEqual(['Ada Lovelace', 'Alan Turing']);
    expect(item.find('category').text()).toBe('Vision');
  });

  it("names the site as the Atom feed's author, which RFC 4287 requires when an entry names none", async () => {
    const $ = load(await site.read('atom.xml'), { xml: true });
    expect($('feed > author > name').text()).toBe('Papershelf');
    expect($('feed > author > uri').text()).toBe('https://example.org/archive/');
    const tagFeed = load(await site.read('tags/vision/rss.xml'), { xml: true });
    expect(tagFeed('channel > title').text()).toBe('Vision · Papershelf');
  });

  it('carries the abstract with math as MathML and its TeX as text, and its first sentence as the summary', async () => {
    const item = parseFeed(await site.read('rss.xml')).items[0]!;
    const $ = load(item.content!);
    expect($('math').attr('alttext')).toBe('7\\times');
    expect($('annotation[encoding="application/x-tex"]').text()).toBe('7\\times');
    expect($.root().text()).toContain('speedup & more. Feed readers show the rest when the item is opened.');
    expect($('.katex-html').length).toBe(0);
    expect(item.description).toBe('We get a 7× speedup & more.');
    const atom = parseFeed(await site.read('atom.xml')).items[0]!;
    expect(atom.description).toBe('We get a 7× speedup & more.');
    expect(load(atom.content!).root().text()).toContain('Feed readers show the rest');
  });

  it("has a feed per tag with only its papers, the newest 20 (`feeds.tagItems`), not the archive's 50", async () => {
    const feed = parseFeed(await site.read('tags/vision/rss.xml'));
    expect(feed.title).toBe('Vision · Papershelf');
    // 28 papers have the tag (the odd ones and math.md), each on a day of its own.
    const newest = Array.from({ length: 19 }, (_, k) => `https://example.org/archive/papers/p${53 - 2 * k}/`);
    expect(feed.items.map((item) => item.url)).toEqual(['https://example.org/archive/papers/math/', ...newest]);
    expect(feed.url).toBe('https://example.org/archive/tags/vision/');
  });

  it("links the feeds from every page but a paper's and from the subscribe page, with the email line", async () => {
    const home = load(await site.read('index.html'));
    expect(
      home('link[rel=alternate]')
        .map((_, l) => home(l).attr('href'))
        .get(),
    ).toEqual(['/archive/rss.xml', '/archive/atom.xml']);
    // A paper's page does not: nine in ten of an archive's pages, where no reader subscribes.
    expect(load(await site.read('papers/math/index.html'))('link[rel=alternate]')).toHaveLength(0);
    const subscribe = load(await site.read('subscribe/index.html'));
    // The link stays on the copy of the site being read; the address beside it is the one to give a feed reader.
    expect(subscribe('.feed-list a').first().attr('href')).toBe('/archive/rss.xml');
    expect(subscribe('.feed-list code').first().text()).toBe('https://example.org/archive/rss.xml');
    expect(subscribe('main').text()).toContain('feed-to-email service');
    expect(subscribe('.feed-list a[href$="/tags/vision/rss.xml"]').text()).toBe('Vision');
    // Each tag's page link says whose papers: a screen reader's list of links is not "papers, papers, …".
    expect(subscribe('.feed-list a[href$="/tags/vision/"]').text().replace(/\s+/g, ' ').trim()).toBe('papers of Vision');
  });
});

describe('the archive as data', () => {
  const ajv = async () => {
    const validator = new Ajv2020({ allErrors: true, strict: true });
    addFormats.default(validator);
    validator.addSchema(JSON.parse(await site.read('papers.schema.json')) as object, 'schema');
    return validator;
  };

  it("validates papers.json and every month's papers against the shipped schema, every paper and field there", async () => {
    const validator = await ajv();
    const index = JSON.parse(await site.read('papers.json')) as {
      count: number;
      months: { month: string; count: number; url: string }[];
      $schema: string;
    };
    expect(validator.validate('schema', index), JSON.stringify(validator.errors)).toBe(true);
    expect(index.$schema).toBe('https://example.org/archive/papers.schema.json');
    expect(index.count).toBe(56);
    expect(index.months).toEqual([
      { month: '2025-03', count: 1, url: 'https://example.org/archive/month/2025-03/papers.json' },
      { month: '2025-02', count: 27, url: 'https://example.org/archive/month/2025-02/papers.json' },
      { month: '2025-01', count: 28, url: 'https://example.org/archive/month/2025-01/papers.json' },
    ]);
    const slugs: string[] = [];
    const months = new Map<string, { tagLabels: Record<string, string>; papers: Record<string, unknown>[] }>();
    for (const { month, count, url } of index.months) {
      const file = JSON.parse(await site.read(url.replace('https://example.org/archive/', ''))) as {
        $schema: string;
        month: string;
        count: number;
        tagLabels: Record<string, string>;
        papers: Record<string, unknown>[];
      };
      expect(validator.validate('schema#/$defs/month', file), `${month}: ${JSON.stringify(validator.errors)}`).toBe(true);
      expect(file.$schema).toBe('https://example.org/archive/papers.schema.json#/$defs/month');
      expect([file.month, file.count, file.papers.length]).toEqual([month, count, count]);
      const dates = file.papers.map((paper) => String(paper['date']));
      expect(
        dates.every((date) => date.startsWith(`${month}-`)),
        month,
      ).toBe(true);
      expect([...dates].sort().reverse(), month).toEqual(dates);
      slugs.push(...file.papers.map((paper) => String(paper['slug'])));
      months.set(month, file);
    }
    // Every paper once, in one month's file.
    expect(new Set(slugs).size).toBe(56);
    expect(slugs).toHaveLength(56);
    expect(months.get('2025-03')!.papers[0]).toEqual({
      slug: 'math',
      page: 'https://example.org/archive/papers/math/',
      title: 'Math & <b>markup</b> in $O(n)$',
      authors: ['Ada Lovelace', 'Alan Turing'],
      date: '2025-03-01',
      published: '2024-12-31',
      arxiv: '2412.00001',
      code: 'https://github.com/a/b',
      venue: 'ICML 2025',
      tags: [{ id: 'vision', source: 'file' }],
      abstract: 'We get a \\(7\\times\\) speedup & more. Feed readers show the rest when the item is opened.',
    });
    expect(months.get('2025-02')!.papers[0]!['tags']).toEqual([{ id: 'attention', source: 'rule', rule: 'attention' }]);
    // Each tag's label once a month, for the tags its papers have, not in every paper.
    expect(months.get('2025-03')!.tagLabels).toEqual({ vision: 'Vision' });
    expect(months.get('2025-02')!.tagLabels).toEqual({ attention: 'Attention', vision: 'Vision' });
    // The schema holds the files to their shapes: a month written otherwise, or papers in the index, fail.
    expect(validator.validate('schema', { ...index, months: [{ ...index.months[0]!, month: '2025-3' }] })).toBe(false);
    expect(validator.validate('schema', { ...index, papers: [] })).toBe(false);
    expect(validator.validate('schema#/$defs/month', { ...months.get('2025-03')!, count: 0 })).toBe(false);
  });

  it("validates a per-paper JSON against the schema's paper definition", async () => {
    const validator = await ajv();
    const paper = JSON.parse(await site.read('papers/math.json')) as Record<string, unknown>;
    expect(validator.validate('schema#/$defs/paper', paper), JSON.stringify(validator.errors)).toBe(true);
    expect(paper['slug']).toBe('math');
    expect(validator.validate('schema#/$defs/paper', { ...paper, date: '27.08.2025' })).toBe(false);
  });
});

describe('sitemap and robots.txt', () => {
  it('lists every paper page in the sitemap, under the base path, and no redirect page', async () => {
    const index = load(await site.read('sitemap-index.xml'), { xml: true });
    const sitemaps = index('sitemap > loc')
      .map((_, l) => index(l).text())
      .get();
    expect(sitemaps).toEqual(['https://example.org/archive/sitemap-0.xml']);
    const $ = load(await site.read('sitemap-0.xml'), { xml: true });
    const urls = $('url > loc')
      .map((_, l) => $(l).text())
      .get();
    for (let i = 0; i < 55; i++) expect(urls).toContain(`https://example.org/archive/papers/p${String(i).padStart(2, '0')}/`);
    expect(urls).toContain('https://example.org/archive/papers/math/');
    expect(urls.filter((u) => u.includes('/arxiv/'))).toEqual([]);
  });

  it('writes robots.txt pointing to the sitemap with the full URL', async () => {
    expect(await site.read('robots.txt')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://example.org/archive/sitemap-index.xml\n');
  });
});

describe('a site without a `site` URL', () => {
  it('leaves feeds, sitemap and robots.txt out, says why, and still exports its data', async () => {
    const bare = await buildFixture('feeds-no-site', {
      'astro.config.mjs':
        "import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nimport papershelf from 'astro-papershelf';\nexport default defineConfig({ integrations: [mdx(), papershelf()] });\n",
      'content/papers/a.md': paperFile('title: A\ndate: 2025-01-01', 'Text.'),
    });
    expect(bare.code, bare.output).toBe(0);
    expect(bare.output).toContain("Feeds, the sitemap and robots.txt need the site's address: set `site` in astro.config.mjs");
    await expect(bare.read('rss.xml')).rejects.toThrow();
    await expect(bare.read('robots.txt')).rejects.toThrow();
    await expect(bare.read('sitemap-index.xml')).rejects.toThrow();
    const data = JSON.parse(await bare.read('papers.json')) as { months: { url: string }[] };
    expect(data.months).toEqual([{ month: '2025-01', count: 1, url: '/month/2025-01/papers.json' }]);
    expect((JSON.parse(await bare.read('month/2025-01/papers.json')) as { papers: { page: string }[] }).papers[0]!.page).toBe('/papers/a/');
    expect(load(await bare.read('index.html'))('link[rel=alternate]').length).toBe(0);
  }, 120_000);
});
