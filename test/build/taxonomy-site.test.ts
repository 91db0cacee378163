// A fixture archive with a tag vocabulary: hierarchy, aliases, rules, co-occurrence, pagination and odd ids, built by `astro build`.
import { beforeAll, describe, expect, it } from 'vitest';
import { load } from 'cheerio';
import { buildFixture, paperFile, type FixtureBuild } from '../support/fixture-site.ts';

const vocabulary = `
- id: attention
  label: Attention
  description: How models weigh parts of their input.
- id: efficient-attention
  label: Efficient attention
  parent: attention
- id: sparse-attention
  label: Sparse attention
  parent: efficient-attention
  description: Attending to a few chosen positions.
  aliases: [sparse attn, "Sparse-Attention Methods"]
  match: ["sparse attention", "/top-?k attention/i"]
- id: kv-cache
  label: KV cache
  aliases: [key-value cache]
  match: [kv caches]
- id: large-language-models
  label: Large language models
  aliases: [LLM, LLMs]
- id: unused
  label: Unused tag
  aliases: [never written]
- id: C++
  label: C++
- id: C#
  label: C#
- id: C
  label: C
- id: 注意力
  label: 注意力
- id: Ünïcode
  label: Ünïcode
- id: a b/c
  label: Spaces and slashes
- id: vision
  label: Vision
- id: vision-transformers
  label: Vision transformers
  parent: vision
- id: robotics
  label: Robotics
- id: manipulation
  label: Manipulation
  parent: robotics
- id: sensing
  label: Sensing
- id: cameras
  label: Cameras
  parent: sensing
- id: lenses
  label: Lenses
- id: zoom-lenses
  label: Zoom lenses
  parent: lenses
- id: optics
  label: Optics
`;

const crowd = Object.fromEntries(
  Array.from({ length: 53 }, (_, i) => [
    `content/papers/crowd-${String(i).padStart(2, '0')}.md`,
    paperFile(`title: Crowd paper ${i}\ndate: 2025-07-${String((i % 28) + 1).padStart(2, '0')}\ntags: [LLM]`, 'A paper in a crowd.'),
  ]),
);

// 22 papers under Vision: 21 filed under its narrower tag, one under Vision itself, the newest. The newest of the
// 21 names three other tags first; Sensing's one paper is filed under its narrower Cameras; Lenses' under itself.
const vision = Object.fromEntries([
  ...Array.from({ length: 21 }, (_, i) => [
    `content/papers/vit-${String(i).padStart(2, '0')}.md`,
    paperFile(
      `title: Vision transformer ${i}\ndate: 2025-06-${String(i + 2).padStart(2, '0')}\ntags: [${i === 20 ? 'cameras, lenses, optics, ' : ''}vision-transformers]`,
      'Patches.',
    ),
  ]),
  ['content/papers/vision-own.md', paperFile('title: Seeing broadly\ndate: 2025-06-30\ntags: [vision]', 'Pixels.')],
]);

let site: FixtureBuild;

beforeAll(async () => {
  site = await buildFixture('taxonomy-site', {
    'content/tags.yml': vocabulary,
    'content/papers/by-file.md': paperFile(
      'title: Written sparse\ndate: 2025-08-27\ntags: ["Sparse-Attention methods", llms]',
      'Nothing to match here.',
    ),
    'content/papers/by-rule.md': paperFile(
      'title: Top-K Attention for everyone\ndate: 2025-08-26',
      'We shrink the KV-caches of large models.',
    ),
    'content/papers/odd.md': paperFile(
      'title: Odd tags\ndate: 2025-08-25\ntags: ["c++", "C#", C, 注意力, ünïcode, "A B/C"]',
      'Plain text.',
    ),
    'content/papers/untagged.md': paperFile('title: Nothing in common\ndate: 2025-08-24', 'No tag applies.'),
    ...crowd,
    ...vision,
  });
}, 240_000);

const hrefs = ($: ReturnType<typeof load>, selector: string) =>
  $(selector)
    .map((_, a) => $(a).attr('href'))
    .get();
/** Where a paper page's tag came from, as its class says: `tag-from-file`, `-rule` or `-parent`. */
const sourceOf = (tag: ReturnType<ReturnType<typeof load>>) => /\btag-from-(\w+)/.exec(tag.attr('class') ?? '')?.[1];

describe('tags from a vocabulary', () => {
  it('builds and prints the taxonomy report', () => {
    expect(site.code, site.output).toBe(0);
    expect(site.output).toContain('tags: 21 tags, 17 in use');
    expect(site.output).toContain('tags: 4 with no papers: unused, robotics, manipulation, zoom-lenses');
    expect(site.output).toMatch(/tags: \d+ aliases never used: .*never written \(unused\)/);
    expect(site.output).toContain('tags: 1 paper tagged only by rules: by-rule');
    expect(site.output).toContain('tags: 1 paper with no tag: untagged');
  });

  it('resolves aliases in any case and spelling, adds ancestors, and marks where each tag came from', async () => {
    const $ = load(await site.read('papers/by-file/index.html'));
    const tags = $('.paper-tags a.tag')
      .map((_, a) => `${sourceOf($(a))}:${$(a).text().trim()}`)
      .get();
    expect(tags).toEqual(['file:Sparse attention', 'file:Large language models', 'parent:Attention', 'parent:Efficient attention']);
    expect(hrefs($, '.paper-tags a.tag')).toEqual([
      '/tags/sparse-attention/',
      '/tags/large-language-models/',
      '/tags/attention/',
      '/tags/efficient-attention/',
    ]);
    expect($('.tag-note').length).toBe(0);
  });

  it('tags by rules in title and abstract: regex, hyphen and plural variants', async () => {
    const $ = load(await site.read('papers/by-rule/index.html'));
    const tags = $('.paper-tags a.tag')
      .map((_, a) => `${sourceOf($(a))}:${$(a).text().trim()}`)
      .get();
    expect(tags).toEqual(['rule:Sparse attention', 'rule:KV cache', 'parent:Attention', 'parent:Efficient attention']);
    // A phrase rule is named; a regular expression is not shown to readers (its rule here is `/top-?k attention/i`).
    expect($('a.tag-from-rule').first().attr('title')).toBeUndefined();
    expect($('a.tag-from-rule').eq(1).attr('title')).toBe('Matched by the rule “kv caches”');
    expect($('.tag-note').text()).toContain('found in the title or abstract');
  });

  it('gives every odd id a distinct, single-encoded URL that is a real page', async () => {
    const $ = load(await site.read('papers/odd/index.html'));
    const links = hrefs($, '.paper-tags a.tag');
    expect(links).toEqual([
      '/tags/c-plus-plus/',
      '/tags/c-sharp/',
      '/tags/c/',
      `/tags/${encodeURIComponent('注意力')}/`,
      `/tags/${encodeURIComponent('ünïcode')}/`,
      '/tags/a-b-c/',
    ]);
    for (const link of links) {
      const page = load(await site.read(`${decodeURIComponent(link).slice(1)}index.html`));
      expect(page('h1').text()).not.toBe('');
      expect(hrefs(page, '.paper-list .paper-card > :is(h2, h3) > a')).toEqual(['/papers/odd/']);
    }
  });

  it('puts a paper in the BibTeX file of each tag it is filed under, not again under every broader tag', async () => {
    const keys = async (slug: string) => [...(await site.read(`tags/${slug}/papers.bib`)).matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1]);
    expect(await keys('sparse-attention')).toHaveLength(2); // by-file and by-rule
    // Attention and Efficient attention have no paper of their own: no file, and no link to one.
    await expect(site.read('tags/attention/papers.bib')).rejects.toThrow();
    const attention = load(await site.read('tags/attention/index.html'));
    expect(
      attention('.tag-files a')
        .map((_, a) => attention(a).text())
        .get(),
    ).toEqual(['RSS feed']);
    const sparse = load(await site.read('tags/sparse-attention/index.html'));
    expect(sparse('.tag-files a').first().text()).toBe('BibTeX of these papers');
    expect(sparse('.tag-files a').first().attr('href')).toBe('/tags/sparse-attention/papers.bib');
  });

  it("lists a tag's papers as compact cards: title, authors, date and main tags, no abstract", async () => {
    const $ = load(await site.read('tags/sparse-attention/index.html'));
    const card = $('.paper-card').first();
    expect(card.hasClass('paper-card-full')).toBe(false);
    expect(card.find('.paper-card-abstract').length).toBe(0);
    expect(card.find('> p:not(.authors) > time').attr('datetime')).toBe('2025-08-27');
    // The paper's own tags, not the broader ones they imply, and not the tag whose page this is.
    expect(
      card
        .find('> p:not(.authors) > a')
        .map((_, a) => $(a).text())
        .get(),
    ).toEqual(['Large language models']);
  });

  it("names a paper's other main tags on a tag's page, up to two, where elsewhere it names its first two", async () => {
    const paper = load(await site.read('papers/odd/index.html'));
    const own = hrefs(paper, '.paper-tags a.tag');
    expect(own).toHaveLength(6);
    const cardTagsOn = async (page: string) => {
      const $ = load(await site.read(page));
      const card = $('.paper-card:not(.paper-card-full)').filter((_, c) => $(c).find('h2 a, h3 a').attr('href') === '/papers/odd/');
      expect(card, page).toHaveLength(1);
      return card
        .find('> p:not(.authors) > a')
        .map((_, a) => $(a).attr('href'))
        .get();
    };
    expect(await cardTagsOn('week/2025-W35/index.html')).toEqual(own.slice(0, 2));
    const tagPage = (href: string) => `${decodeURIComponent(href).slice(1)}index.html`;
    expect(await cardTagsOn(tagPage(own[0]!))).toEqual(own.slice(1, 3));
    expect(await cardTagsOn(tagPage(own[1]!))).toEqual([own[0], own[2]]);
  });

  it("keeps the main tags on a week's cards, where the day's heading gives the date", async () => {
    const $ = load(await site.read('week/2025-W35/index.html'));
    const card = $('.period-days .paper-card:not(.paper-card-full)').filter(
      (_, c) => $(c).find('h3 a').attr('href') === '/papers/by-file/',
    );
    expect(card).toHaveLength(1);
    expect(card.find('time')).toHaveLength(0);
    expect(
      card
        .find('> p:not(.authors) > a')
        .map((_, a) => $(a).text())
        .get(),
    ).toEqual(['Sparse attention', 'Large language models']);
  });

  it('shows every top-level topic on /tags/ with its count, description and narrower tags', async () => {
    const $ = load(await site.read('tags/index.html'));
    const attention = $('main > .tag-index > li').first();
    expect(attention.find('> h2 > a').text()).toBe('Attention');
    expect(attention.find('> h2 > .tag-count').text()).toBe('2 papers');
    expect(attention.find('> .tag-topic-description').text()).toBe('How models weigh parts of their input.');
    expect(attention.find('> .tag-tree > li > a').text()).toBe('Efficient attention');
    expect(attention.find('> .tag-tree > li > .tag-tree > li > a').text()).toBe('Sparse attention');
    const counts = Object.fromEntries([
      ...$('.tag-topic > h2')
        .map((_, h) => [[$(h).children('a').text(), $(h).children('.tag-count').text()]])
        .get(),
      ...$('.tag-tree li')
        .map((_, li) => [[$(li).children('a').text(), $(li).children('.tag-count').text()]])
        .get(),
    ]);
    expect(counts).toMatchObject({
      'Large language models': '54 papers',
      'KV cache': '1 paper',
      'Unused tag': '0 papers',
      'Efficient attention': '2 papers',
    });
  });

  it('shows a tag page with description, parents, children and co-occurring tags', async () => {
    const $ = load(await site.read('tags/sparse-attention/index.html'));
    expect($('h1').text()).toBe('Sparse attention');
    expect($('.tag-description').text()).toBe('Attending to a few chosen positions.');
    expect(
      $('.breadcrumbs a')
        .map((_, a) => $(a).text())
        .get(),
    ).toEqual(['Tags', 'Attention', 'Efficient attention']);
    expect(hrefs($, '.paper-list .paper-card > :is(h2, h3) > a')).toEqual(['/papers/by-file/', '/papers/by-rule/']);
    expect(
      $('#related-tags + ul a')
        .map((_, a) => $(a).text().replace(/\s+/g, ' ').trim())
        .get(),
    ).toEqual(['KV cache 1', 'Large language models 1']);
    const parent = load(await site.read('tags/efficient-attention/index.html'));
    expect(parent('#narrower + ul a').text().replace(/\s+/g, ' ').trim()).toBe('Sparse attention 2');
    expect(load(await site.read('tags/unused/index.html'))('main').text()).toContain('No paper has this tag yet.');
  });

  it("lists on a broader tag's page the papers filed under it itself, after its narrower tags' newest and a link to every one in search", async () => {
    const $ = load(await site.read('tags/vision/index.html'));
    expect($('.tag-count').first().text().trim()).toBe('22 papers: 1 filed under Vision itself, the rest under its narrower tags');
    // Its narrower tags' newest 20 (as many as its feed holds), not its own newest paper, which is listed below them.
    expect($('#newest-under').text()).toBe('Newest in its narrower tags');
    const newest = hrefs($, '.tag-newest .paper-card > h3 > a');
    expect(newest).toEqual(Array.from({ length: 20 }, (_, i) => `/papers/vit-${String(20 - i).padStart(2, '0')}/`));
    // A card there names first the narrower tag that put the paper on the page, not the two it names elsewhere: a
    // compact card names two main tags, where a full card names three.
    const cardTags = (card: ReturnType<typeof $>) =>
      card
        .find('> p:not(.authors) > a')
        .map((_, a) => $(a).text())
        .get();
    expect(cardTags($('.tag-newest .paper-card').first())).toEqual(['Vision transformers', 'Cameras']);
    expect(cardTags(load(await site.read('week/2025-W25/index.html'))('.paper-card').first())).toEqual(['Cameras', 'Lenses']);
    const day = load(await site.read('date/2025-06-22/index.html'));
    expect(
      day('.paper-card-full .paper-card-tags a')
        .map((_, a) => day(a).text())
        .get(),
    ).toEqual(['Cameras', 'Lenses', 'Optics']);
    expect($('.tag-every-paper a').attr('href')).toBe('/search/?tag=Vision&sort=newest');
    expect($('.tag-every-paper').text()).toBe('All 22 papers under Vision in search, where more filters narrow them');
    // Then the one paper filed under Vision itself, and not the 21 that are on their own tag's page.
    expect($('#filed-here').text().trim()).toBe('Filed under Vision itself');
    expect(hrefs($, '#filed-here + .paper-list .paper-card > h3 > a')).toEqual(['/papers/vision-own/']);
    expect($('.pagination').length).toBe(0);
    expect(hrefs(load(await site.read('tags/vision-transformers/index.html')), '.paper-list .paper-card > h2 > a')).toHaveLength(21);
    // A broader tag with no paper of its own: its narrower tags' papers, all of them here (no link), and no empty list.
    const attention = load(await site.read('tags/attention/index.html'));
    expect(attention('.tag-count').first().text().trim()).toBe('2 papers, all filed under its narrower tags');
    expect(hrefs(attention, '.tag-newest .paper-card > h3 > a')).toEqual(['/papers/by-file/', '/papers/by-rule/']);
    expect(attention('.tag-every-paper').length).toBe(0);
    expect(attention('#filed-here').length).toBe(0);
    expect(attention('main').text()).not.toContain('No paper has this tag yet');
  });

  it('says how many papers a tag has, and where they are filed, in words that fit the numbers', async () => {
    const page = async (slug: string) => load(await site.read(`tags/${slug}/index.html`));
    const facts = ($: Awaited<ReturnType<typeof page>>) => ({
      count: $('p.tag-count').text().trim(),
      bib: $('.tag-files a').first().text(),
      filedHeading: $('#filed-here').length,
      empty: $('main').text().includes('No paper has this tag yet.'),
    });
    // A broader tag with no paper at all says so once, with no count to contradict it.
    const robotics = await page('robotics');
    expect(robotics('p.tag-count').length).toBe(0);
    expect(facts(robotics).empty).toBe(true);
    // One paper, filed under the narrower tag.
    expect(facts(await page('sensing'))).toEqual({
      count: '1 paper, filed under a narrower tag',
      bib: 'RSS feed',
      filedHeading: 0,
      empty: false,
    });
    // A broader tag whose papers are all its own: no split to explain, no heading over its only list.
    expect(facts(await page('lenses'))).toEqual({ count: '1 paper', bib: 'BibTeX of this paper', filedHeading: 0, empty: false });
    expect(facts(await page('vision')).bib).toBe('BibTeX of the paper filed under Vision itself');
  });

  it('paginates a tag of more than 50 papers, newest first, with links both ways', async () => {
    const first = load(await site.read('tags/large-language-models/index.html'));
    const second = load(await site.read('tags/large-language-models/2/index.html'));
    expect(first('.paper-list > li').length).toBe(50);
    expect(second('.paper-list > li').length).toBe(4);
    expect(hrefs(first, '.paper-list .paper-card > :is(h2, h3) > a')[0]).toBe('/papers/by-file/');
    expect(first('.tag-count').first().text()).toContain('54 papers, 1–50 shown here');
    expect(first('.pagination a[rel=next]').attr('href')).toBe('/tags/large-language-models/2/');
    expect(second('.pagination a[rel=prev]').attr('href')).toBe('/tags/large-language-models/');
    expect(second('.paper-list').attr('start')).toBe('51');
    await expect(site.read('tags/large-language-models/3/index.html')).rejects.toThrow();
  });
});
