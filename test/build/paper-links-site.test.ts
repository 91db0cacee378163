// A paper page that leads to the paper, and what Hugging Face's fields show: links by id (arXiv, PDF, HTML,
// Hugging Face, DOI, code, project page) or a search by title, the one-line summary beside the abstract, upvotes,
// the organisation, a withdrawn paper's mark, and a day listed in its own order or most upvoted first.
import { beforeAll, describe, expect, it } from 'vitest';
import { load } from 'cheerio';
import { buildFixture, paperFile, type FixtureBuild } from '../support/fixture-site.ts';

let site: FixtureBuild;

beforeAll(async () => {
  site = await buildFixture('paper-links-site', {
    'content/papers/ranked-first.md': paperFile(
      'title: Ranked first\ndate: 2025-08-27\nrank: 1\nupvotes: 3\narxiv: 2508.00001\ncode: https://github.com/a/b\nprojectPage: https://a.github.io/b\norganization: Example Lab\nsummary: A one-line summary of the first paper.',
      'The abstract of the first paper.',
    ),
    'content/papers/ranked-second.md': paperFile(
      'title: Ranked second\ndate: 2025-08-27\nrank: 2\nupvotes: 40\ndoi: 10.1000/xyz\nwithdrawn: 2025-08-29',
      'The abstract of the second paper.',
    ),
    'content/papers/ranked-third.md': paperFile('title: Ranked third, no count\ndate: 2025-08-27\nrank: 3', 'The third.'),
    'content/papers/old-id.md': paperFile('title: An older arXiv paper\ndate: 2025-08-20\narxiv: hep-th/9901001v2', 'Old.'),
    'content/papers/unranked.md': paperFile('title: Only upvotes\ndate: 2025-08-20\nupvotes: 5', 'No rank here.'),
  });
}, 240_000);

const linksOf = ($: ReturnType<typeof load>, scope: string) =>
  $(`${scope} .paper-links a`)
    .map((_, a) => `${$(a).text()} ${$(a).attr('href')}`)
    .get();

describe('a paper page that leads to the paper', () => {
  it('builds', () => expect(site.code, site.output).toBe(0));

  it('links an arXiv paper to its abstract page, PDF, HTML version and Hugging Face page, then code and project page', async () => {
    const $ = load(await site.read('papers/ranked-first/index.html'));
    expect(linksOf($, '.paper-header')).toEqual([
      'arXiv https://arxiv.org/abs/2508.00001',
      'PDF https://arxiv.org/pdf/2508.00001',
      'HTML https://arxiv.org/html/2508.00001',
      'Hugging Face https://huggingface.co/papers/2508.00001',
      'Code https://github.com/a/b',
      'Project page https://a.github.io/b',
    ]);
    // Links only: the page loads nothing from those sites.
    expect($('link[rel=prefetch], link[rel=preconnect], link[rel=dns-prefetch]').length).toBe(0);
  });

  it("sends a paper older than arXiv's own HTML to ar5iv, and one with only a DOI to the DOI", async () => {
    const old = linksOf(load(await site.read('papers/old-id/index.html')), '.paper-header');
    expect(old).toContain('HTML https://ar5iv.labs.arxiv.org/html/hep-th/9901001');
    // Hugging Face has pages for new-style ids only.
    expect(old.filter((link) => link.startsWith('Hugging Face'))).toEqual([]);
    expect(linksOf(load(await site.read('papers/ranked-second/index.html')), '.paper-header')).toEqual(['DOI https://doi.org/10.1000/xyz']);
  });

  it('offers a search of arXiv by title for a paper with no id', async () => {
    expect(linksOf(load(await site.read('papers/ranked-third/index.html')), '.paper-header')).toEqual([
      'Find on arXiv https://arxiv.org/search/?query=Ranked+third%2C+no+count&searchtype=title',
    ]);
  });

  it('shows the summary labelled as one, beside the abstract, and the organisation and upvotes', async () => {
    const $ = load(await site.read('papers/ranked-first/index.html'));
    expect($('.paper-summary').text()).toBe('Summary: A one-line summary of the first paper.');
    expect($('.abstract').text()).toContain('The abstract of the first paper.');
    const facts = $('.paper-facts div')
      .map((_, d) => $(d).text())
      .get();
    expect(facts).toContain('OrganizationExample Lab');
    expect(facts).toContain('Upvotes3');
  });

  it('marks a withdrawn paper on its page and on its card', async () => {
    const $ = load(await site.read('papers/ranked-second/index.html'));
    expect($('.paper-withdrawn').text()).toBe('This paper was withdrawn on August 29, 2025.');
    const day = load(await site.read('date/2025-08-27/index.html'));
    const card = day('.paper-card').filter((_, c) => day(c).find('.paper-card > :is(h2, h3) > a').text() === 'Ranked second');
    expect(card.find('.paper-withdrawn-badge').text()).toBe('Withdrawn');
  });
});

describe("a day's order", () => {
  const titles = ($: ReturnType<typeof load>) =>
    $('.paper-card > :is(h2, h3) > a')
      .map((_, a) => $(a).text())
      .get();

  it('lists a day by rank, with upvotes and the summary on its cards, and links the most upvoted order', async () => {
    const $ = load(await site.read('date/2025-08-27/index.html'));
    expect(titles($)).toEqual(['Ranked first', 'Ranked second', 'Ranked third, no count']);
    expect(
      $('.paper-upvotes')
        .map((_, s) => $(s).text())
        .get(),
    ).toEqual(['3 upvotes', '40 upvotes']);
    expect($('.paper-card-summary').first().text()).toBe('Summary: A one-line summary of the first paper.');
    // Cards link to the paper, its code and project page, not to every rendering of it.
    expect(linksOf($, '.paper-card').filter((link) => link.startsWith('HTML') || link.startsWith('Hugging Face'))).toEqual([]);
    const order = $('.day-order a');
    expect(order.map((_, a) => `${$(a).text()} ${$(a).attr('href')} ${$(a).attr('aria-current') ?? ''}`).get()).toEqual([
      'As listed /date/2025-08-27/ true',
      'Most upvoted /date/2025-08-27/upvotes/ ',
    ]);
  });

  it('lists the same day most upvoted first at its own address, which the control marks as current', async () => {
    const $ = load(await site.read('date/2025-08-27/upvotes/index.html'));
    expect(titles($)).toEqual(['Ranked second', 'Ranked first', 'Ranked third, no count']);
    expect($('.day-order a[aria-current=true]').attr('href')).toBe('/date/2025-08-27/upvotes/');
    expect($('h1').text()).toContain('most upvoted first');
    expect($('title').text()).toContain('most upvoted first');
  });

  it('offers the home page the same choice, and no choice where the day has one order only', async () => {
    expect(load(await site.read('index.html'))('.day-order a').length).toBe(2);
    // 2025-08-20 has one paper with a count: nothing to reorder, so no control and no second page.
    expect(load(await site.read('date/2025-08-20/index.html'))('.day-order').length).toBe(0);
    await expect(site.read('date/2025-08-20/upvotes/index.html')).rejects.toThrow();
  });
});
