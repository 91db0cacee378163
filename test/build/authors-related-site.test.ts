// Author pages (accent variants as one author) and related papers on paper pages, built by `astro build`.
import { beforeAll, describe, expect, it } from 'vitest';
import { load } from 'cheerio';
import { buildFixture, paperFile, type FixtureBuild } from '../support/fixture-site.ts';

let site: FixtureBuild;

beforeAll(async () => {
  site = await buildFixture('authors-site', {
    'content/papers/one.md': paperFile(
      'title: Sparse attention with routing\nauthors: ["Łukasz Kaiser", "Ada Lovelace"]\ndate: 2025-01-03',
      'Sparse attention routes queries to keys with online clustering.',
    ),
    'content/papers/two.md': paperFile(
      'title: Routing sparse attention\nauthors: ["Lukasz Kaiser"]\ndate: 2025-01-02',
      'Content based sparse attention with routing of queries.',
    ),
    'content/papers/three.md': paperFile(
      'title: Speech recognition\nauthors: ["Łukasz  Kaiser", "Émile Zola"]\ndate: 2025-01-01',
      'Recurrent networks transcribe audio.',
    ),
  });
}, 240_000);

describe('authors', () => {
  it('builds', () => {
    expect(site.code, site.output).toBe(0);
  });

  it('indexes the authors by letter, with the most prolific first, and lists each letter on its own page', async () => {
    const $ = load(await site.read('authors/index.html'));
    expect(
      $('.letter-index li')
        .map((_, li) => `${$(li).text().replace(/\s+/g, ' ').trim()} ${$(li).find('a').attr('href')}`)
        .get(),
    ).toEqual(['K 1 /authors/letter/k/', 'L 1 /authors/letter/l/', 'Z 1 /authors/letter/z/']);
    expect(
      $('.author-list li')
        .map((_, li) => $(li).text().replace(/\s+/g, ' ').trim())
        .get(),
    ).toEqual(['Łukasz Kaiser 3 papers']);
    const l = load(await site.read('authors/letter/l/index.html'));
    expect(l('h1').text()).toBe('Authors: L');
    expect(l('.letter-index a[aria-current=page]').text().trim()).toBe('L');
    // An author with one paper has no page: the letter's page links their paper instead.
    expect(
      l('.author-letter-list li')
        .map((_, li) => `${l(li).text().trim()} ${l(li).find('a').attr('href')}`)
        .get(),
    ).toEqual(['Ada Lovelace: Sparse attention with routing /papers/one/']);
    const k = load(await site.read('authors/letter/k/index.html'));
    expect(k('.author-letter-list a').attr('href')).toBe('/authors/lukasz-kaiser/');
  });

  it('gives a page only to authors with two or more papers, and links their name only then', async () => {
    await expect(site.read('authors/ada-lovelace/index.html')).rejects.toThrow();
    await expect(site.read('authors/emile-zola/index.html')).rejects.toThrow();
    const $ = load(await site.read('papers/one/index.html'));
    expect(
      $('.paper-header .authors')
        .contents()
        .map((_, node) => (node.type === 'tag' && node.name === 'a' ? `[${$(node).text()}]` : $(node).text()))
        .get()
        .join(''),
    ).toBe('[Łukasz Kaiser], Ada Lovelace');
  });

  it('maps accent and spacing variants to one page, newest first, linked from paper pages', async () => {
    const $ = load(await site.read('authors/lukasz-kaiser/index.html'));
    expect($('h1').text()).toBe('Łukasz Kaiser');
    expect(
      $('.paper-card > :is(h2, h3) > a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['/papers/one/', '/papers/two/', '/papers/three/']);
    const paper = load(await site.read('papers/two/index.html'));
    expect(
      paper('.paper-header .authors a')
        .map((_, a) => `${paper(a).text()} ${paper(a).attr('href')}`)
        .get(),
    ).toEqual(['Lukasz Kaiser /authors/lukasz-kaiser/']);
    expect(load(await site.read('index.html'))('nav.site-nav a[href="/authors/"]').length).toBe(1);
  });
});

describe('related papers', () => {
  it('shows the related paper with the shared terms, and none for a paper that shares nothing', async () => {
    const $ = load(await site.read('papers/one/index.html'));
    expect(
      $('.related-list a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['/papers/two/']);
    expect($('.related-list small').first().text()).toMatch(/^In both: (?:.*, )?[Ss]parse attention/);
    expect(load(await site.read('papers/three/index.html'))('.related').length).toBe(0);
  });
});

describe('a paper with a long list of authors', () => {
  // 40 authors, Łukasz Kaiser the 20th: his page lists the paper, as does a tag page and the day page.
  const many = Array.from({ length: 40 }, (_, i) => (i === 19 ? 'Łukasz Kaiser' : `Coauthor Number${i + 1}`));
  let long: FixtureBuild;

  beforeAll(async () => {
    long = await buildFixture('authors-long-list', {
      'content/papers/team.md': paperFile(
        `title: A large team report\nauthors: ${JSON.stringify(many)}\ndate: 2025-02-01\ntags: [reports]`,
        'Many people wrote this.',
      ),
      'content/papers/solo.md': paperFile('title: A short note\nauthors: ["Łukasz Kaiser"]\ndate: 2025-01-31', 'One person wrote this.'),
    });
  }, 240_000);

  /** An author line as a reader sees it, linked names in brackets, no-break spaces (in "and 3 more") as `~`. */
  const line = ($: ReturnType<typeof load>, selector: string) =>
    $(selector)
      .first()
      .contents()
      .map((_, node) => (node.type === 'tag' && node.name === 'a' ? `[${$(node).text()}]` : $(node).text()))
      .get()
      .join('')
      .replaceAll('\u00a0', '~');

  it('names every author on the paper page', async () => {
    expect(long.code, long.output).toBe(0);
    const $ = load(await long.read('papers/team/index.html'));
    expect($('.paper-header .authors').text()).toBe(many.join(', '));
  });

  it('names the first three on compact cards and the first ten on full cards, with how many more', async () => {
    const tag = load(await long.read('tags/reports/index.html'));
    expect(line(tag, '.paper-card .authors')).toBe('Coauthor Number1, Coauthor Number2, Coauthor Number3 and~37~more');
    const day = load(await long.read('date/2025-02-01/index.html'));
    expect(line(day, '.paper-card .authors')).toBe(`${many.slice(0, 10).join(', ')} and~30~more`);
  });

  it("names the author on their own page's card, linked, among those left out", async () => {
    const $ = load(await long.read('authors/lukasz-kaiser/index.html'));
    expect(line($, '.paper-card .authors')).toBe(
      'Coauthor Number1, Coauthor Number2, Coauthor Number3 and~37~more, including [Łukasz Kaiser]',
    );
  });
});

describe('an archive without authors', () => {
  it('has no authors page and no link to one', async () => {
    const bare = await buildFixture('authors-none', { 'content/papers/a.md': paperFile('title: A\ndate: 2025-01-01', 'Text.') });
    expect(bare.code, bare.output).toBe(0);
    await expect(bare.read('authors/index.html')).rejects.toThrow();
    const $ = load(await bare.read('index.html'));
    expect($('a[href*="authors"]').length).toBe(0);
  }, 120_000);
});
