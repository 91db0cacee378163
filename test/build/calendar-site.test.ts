// Days, weeks, months, the index of every paper and /arxiv/ redirects, on a fixture that spans a year end.
import { beforeAll, describe, expect, it } from 'vitest';
import { load } from 'cheerio';
import { buildFixture, paperFile, type FixtureBuild } from '../support/fixture-site.ts';

const crowd = Object.fromEntries(
  Array.from({ length: 52 }, (_, i) => [
    `content/papers/crowd-${String(i).padStart(2, '0')}.md`,
    paperFile(
      `title: Crowd ${String(i).padStart(2, '0')}\nauthors: [Ada Lovelace]\ndate: 2025-01-02\nrank: ${52 - i}`,
      'A paper of a crowded day.',
    ),
  ]),
);

let site: FixtureBuild;

beforeAll(async () => {
  site = await buildFixture(
    'calendar-site',
    {
      ...crowd,
      'content/papers/latest.md': paperFile('title: Latest paper\ndate: 2025-01-10\narxiv: 2006.04768v2', 'The newest.'),
      'content/papers/monday.md': paperFile(
        'title: Monday of week one\ndate: 2024-12-30\narxiv: math/0211159',
        'Week 1 of 2025 starts in 2024.',
      ),
      'content/papers/saturday.md': paperFile('title: "Zebra: the oldest"\ndate: 2024-12-28', 'No authors, no ids, no links.'),
      'content/papers/upvoted.md': paperFile('title: Upvoted but unranked\ndate: 2024-12-30\nupvotes: 7', 'More upvotes.'),
      'content/papers/alpha.md': paperFile('title: alpha unranked\ndate: 2024-12-30', 'No upvotes.'),
      // The site's own page in the place of one redirect page: it stays, as Astro leaves public/ files.
      'public/arxiv/2006.04768v1/index.html': '<p>Our own page</p>',
    },
    { integration: '{ dayPageSize: 50 }' },
  );
}, 240_000);

const cards = ($: ReturnType<typeof load>) =>
  $('.paper-card > :is(h2, h3) > a')
    .map((_, a) => $(a).text())
    .get();
const indexLines = ($: ReturnType<typeof load>) =>
  $('.paper-index > li > a')
    .map((_, a) => $(a).text())
    .get();
const nav = ($: ReturnType<typeof load>) => ({
  older: $('.older-newer .older').attr('href'),
  newer: $('.older-newer .newer').attr('href'),
});

describe('days', () => {
  it('builds', () => {
    expect(site.code, site.output).toBe(0);
    // This site sets no Content Security Policy: the layout must not read Astro.csp, which warns on every page then.
    expect(site.output).not.toContain('[csp]');
  });

  it('lists a day in rank order, 50 a page with dayPageSize: 50, with older and newer days that skip empty ones', async () => {
    const first = load(await site.read('date/2025-01-02/index.html'));
    const second = load(await site.read('date/2025-01-02/2/index.html'));
    expect(first('h1').text()).toBe('Papers of January 2, 2025');
    expect(cards(first)).toHaveLength(50);
    expect(cards(first)[0]).toBe('Crowd 51');
    expect(cards(second)).toEqual(['Crowd 01', 'Crowd 00']);
    expect(first('.day-count').text()).toBe('52 papers, 1–50 on this page');
    expect(nav(first)).toEqual({ older: '/date/2024-12-30/', newer: '/date/2025-01-10/' });
    expect(first('.pagination a[rel=next]').attr('href')).toBe('/date/2025-01-02/2/');
    // The links say where they lead: more of the same day, not an older one.
    expect(first('.pagination a[rel=next]').text().trim()).toBe('Next page →');
    expect(
      first('.breadcrumbs a')
        .map((_, a) => first(a).attr('href'))
        .get(),
    ).toEqual(['/month/2025-01/', '/week/2025-W01/']);
  });

  it('orders an unranked day by upvotes, then title', async () => {
    expect(cards(load(await site.read('date/2024-12-30/index.html')))).toEqual([
      'Upvoted but unranked',
      'alpha unranked',
      'Monday of week one',
    ]);
  });

  it('has no newer link on the newest day and no older link on the oldest', async () => {
    expect(nav(load(await site.read('date/2025-01-10/index.html')))).toEqual({ older: '/date/2025-01-02/', newer: undefined });
    expect(nav(load(await site.read('date/2024-12-28/index.html')))).toEqual({ older: undefined, newer: '/date/2024-12-30/' });
  });

  it('makes the newest day the home page, with the way into the rest of the archive', async () => {
    const $ = load(await site.read('index.html'));
    expect($('h1').text()).toBe('Papers of January 10, 2025');
    expect(cards($)).toEqual(['Latest paper']);
    expect(
      $('.archive-links a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['/papers/', '/date/', '/tags/']);
  });
});

describe('weeks and months', () => {
  it('groups ISO week 1 of 2025 across the year end, linking its days, months and neighbours', async () => {
    const $ = load(await site.read('week/2025-W01/index.html'));
    expect($('h1').text()).toBe('Week 1, 2025 (Dec 30 – Jan 5)');
    expect(
      $('.breadcrumbs a')
        .map((_, a) => $(a).text())
        .get(),
    ).toEqual(['All dates', 'January 2025']);
    expect(nav($)).toEqual({ older: '/week/2024-W52/', newer: '/week/2025-W02/' });
  });

  // Week 1 has 55 papers: 52 on January 2 and 3 on December 30.
  const days = ($: ReturnType<typeof load>) =>
    $('.period-days > li')
      .map(
        (_, li) =>
          `${$(li).find('h2').text().replace(/\s+/g, ' ').trim()}: ${$(li).find('.paper-card:not(.paper-card-full)').length} cards`,
      )
      .get();
  const pages = ($: ReturnType<typeof load>) =>
    $('.pagination a')
      .map((_, a) => `${$(a).text().trim()} ${$(a).attr('href')}`)
      .get();

  it('shows a week 50 papers a page, day by day, a day that does not fit continuing on the next page', async () => {
    const first = load(await site.read('week/2025-W01/index.html'));
    const second = load(await site.read('week/2025-W01/2/index.html'));
    expect(first('.day-count').first().text().replace(/\s+/g, ' ').trim()).toBe('55 papers on 2 days, 1–50 on this page');
    expect(days(first)).toEqual(['January 2, 2025 papers 1–50 of 52: 50 cards']);
    expect(first('.period-days h2 a').attr('href')).toBe('/date/2025-01-02/');
    expect(days(second)).toEqual(['January 2, 2025 papers 51–52 of 52: 2 cards', 'December 30, 2024 3 papers: 3 cards']);
    expect(second('title').text()).toMatch(/^Week 1, 2025 \(Dec 30 – Jan 5\) \(page 2\)/);
    expect(second('.day-count').first().text().replace(/\s+/g, ' ').trim()).toBe('55 papers on 2 days, 51–55 on this page');
    expect(pages(first)).toEqual(['1 /week/2025-W01/', '2 /week/2025-W01/2/', 'Next page → /week/2025-W01/2/']);
    expect(pages(second)).toEqual(['← Previous page /week/2025-W01/', '1 /week/2025-W01/', '2 /week/2025-W01/2/']);
    // Every paper of the week once, in the day's order, across its pages.
    expect([...cards(first), ...cards(second)]).toEqual([
      ...Array.from({ length: 52 }, (_, i) => `Crowd ${String(51 - i).padStart(2, '0')}`),
      'Upvoted but unranked',
      'alpha unranked',
      'Monday of week one',
    ]);
    await expect(site.read('week/2025-W01/3/index.html')).rejects.toThrow('ENOENT');
  });

  it("shows a long month as its calendar and its weeks with their counts, on one page, its papers on the weeks' pages", async () => {
    const $ = load(await site.read('month/2025-01/index.html'));
    expect($('.month-calendar')).toHaveLength(1);
    expect(
      $('nav[aria-label="Weeks of this month"] a')
        .map((_, a) => `${$(a).attr('href')} ${$(a).text().replace(/\s+/g, ' ').trim()}`)
        .get(),
    ).toEqual([
      '/week/2025-W02/ Week 2, 2025 (Jan 6 – Jan 12) 1 paper this month',
      // Week 1 has 55 papers, three of them in December: a month's weeks add up to its count.
      '/week/2025-W01/ Week 1, 2025 (Dec 30 – Jan 5) 52 papers this month',
    ]);
    // 53 papers do not fit on one page: no cards, and no second page.
    expect($('.paper-card')).toHaveLength(0);
    expect($('main').text()).toContain('Its papers are listed week by week');
    expect($('.day-count').first().text().replace(/\s+/g, ' ').trim()).toBe('53 papers on 2 days');
    await expect(site.read('month/2025-01/2/index.html')).rejects.toThrow('ENOENT');
    expect($('meta[name=description]').attr('content')).toBe('53 research papers of January 2025.');
    // Its neighbours are its rel="prev" and "next".
    expect($('a[rel=prev]').attr('href')).toBe('/month/2024-12/');
  });

  it('shows a month with its weeks and days, and the months on either side', async () => {
    const $ = load(await site.read('month/2024-12/index.html'));
    expect($('h1').text()).toBe('December 2024');
    expect($('.day-count').first().text()).toBe('4 papers on 2 days');
    expect(
      $('nav[aria-label="Weeks of this month"] a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['/week/2025-W01/', '/week/2024-W52/']);
    expect(nav($)).toEqual({ older: undefined, newer: '/month/2025-01/' });
    // A month on one page: its neighbours are its rel="next" and "prev".
    expect($('a[rel=next]').attr('href')).toBe('/month/2025-01/');
    // A calendar, Monday first: December 2024 starts on a Sunday; the days with papers link to them, with their count.
    const firstWeek = $('.month-calendar tbody tr').first().find('td');
    expect(firstWeek.map((_, td) => $(td).text().trim()).get()).toEqual(['', '', '', '', '', '', '1']);
    expect(
      $('.month-calendar a')
        .map((_, a) => `${$(a).attr('href')} ${$(a).text().replace(/\s+/g, ' ').trim()}`)
        .get(),
    ).toEqual(['/date/2024-12-28/ December 28: 1 paper', '/date/2024-12-30/ December 30: 3 papers']);
    expect($('.period-days .paper-card:not(.paper-card-full)')).toHaveLength(4);
    // The day's heading names the date, so its cards do not again (see the tags' test for their tags).
    expect($('.period-days .paper-card:not(.paper-card-full) time')).toHaveLength(0);
  });

  it('shows every month on /date/ as a calendar with counts, by year', async () => {
    const $ = load(await site.read('date/index.html'));
    expect(
      $('h2')
        .map((_, h) => $(h).text())
        .get(),
    ).toEqual(['2025', '2024']);
    expect(
      $('.month-list > li')
        .map((_, li) => `${$(li).find('caption a').attr('href')} ${$(li).find('.day-count').text().replace(/\s+/g, ' ').trim()}`)
        .get(),
    ).toEqual(['/month/2025-01/ January 2025: 53 papers', '/month/2024-12/ December 2024: 4 papers']);
    expect($('.month-calendar').first().find('a[href="/date/2025-01-02/"] .calendar-count').text().replace(/\s+/g, ' ').trim()).toBe(
      '52 papers',
    );
  });
});

describe('the index of every paper', () => {
  it('lists every paper by title, a line each and 50 a page, ignoring case, numbers in order', async () => {
    const first = load(await site.read('papers/index.html'));
    const second = load(await site.read('papers/by-title/2/index.html'));
    expect(indexLines(first).slice(0, 3)).toEqual(['alpha unranked', 'Crowd 00', 'Crowd 01']);
    expect(indexLines(first)).toHaveLength(50);
    expect(indexLines(second).at(-1)).toBe('Zebra: the oldest');
    expect(indexLines(first).length + indexLines(second).length).toBe(57);
    // A line, not a card: the title links the paper, then its first author and its day.
    expect(first('.paper-card').length).toBe(0);
    const crowd = first('.paper-index > li')
      .filter((_, li) => first(li).children('a').text().startsWith('Crowd '))
      .first();
    const title = crowd.children('a');
    expect(title.attr('href')).toBe(`/papers/crowd-${title.text().slice(-2)}/`);
    expect(crowd.children('span').last().text().replace(/\s+/g, ' ').trim()).toBe('Ada Lovelace · January 2, 2025');
    const meta = ($: ReturnType<typeof load>, title: string) =>
      $('.paper-index > li')
        .filter((_, li) => $(li).children('a').text() === title)
        .children('span')
        .last()
        .text()
        .replace(/\s+/g, ' ')
        .trim();
    // No authors: the day alone.
    expect(meta(second, 'Zebra: the oldest')).toBe('December 28, 2024');
    expect(first('.pagination a[rel=next]').attr('href')).toBe('/papers/by-title/2/');
    expect(second('.pagination a[rel=prev]').attr('href')).toBe('/papers/');
    // A letter bar jumps to the page each letter starts on; this page's letters are marked.
    const letters = ($: ReturnType<typeof load>) =>
      $('.letter-index a')
        .map((_, a) => `${$(a).text().trim()} ${$(a).attr('href')}${$(a).attr('aria-current') ? ' (here)' : ''}`)
        .get();
    expect(letters(first)).toEqual([
      'A /papers/ (here)',
      'C /papers/ (here)',
      'L /papers/by-title/2/',
      'M /papers/by-title/2/',
      'U /papers/by-title/2/',
      'Z /papers/by-title/2/',
    ]);
    expect(letters(second).filter((l) => l.endsWith('(here)'))).toHaveLength(4);
    // Newest first is the dates' pages: the index says so, and does not list every paper again in that order.
    expect(first('main a[href="/date/"]').text()).toBe('by date');
    await expect(site.read('papers/newest/2/index.html')).rejects.toThrow('ENOENT');
    await expect(site.read('papers/by-title/index.html')).rejects.toThrow('ENOENT');
  });
});

describe('a paper in its day', () => {
  it('links to its day and to the previous and next paper of that day', async () => {
    const $ = load(await site.read('papers/alpha/index.html'));
    expect($('.paper-day-nav p a').attr('href')).toBe('/date/2024-12-30/');
    expect($('.paper-day-nav p a').text()).toBe('All 3 papers of December 30, 2024');
    expect($('.paper-day-nav a[rel=prev]').attr('href')).toBe('/papers/upvoted/');
    expect($('.paper-day-nav a[rel=next]').attr('href')).toBe('/papers/monday/');
    // The site's navigation says where a page is: the index of papers is its page, a day is in Dates, a paper in neither.
    const nav = async (path: string) =>
      load(await site.read(path))('.site-nav a[aria-current]')
        .map((_, a) => `${load(a).text().trim()}=${a.attribs['aria-current']}`)
        .get();
    expect(await nav('papers/index.html')).toEqual(['Papers=page']);
    expect(await nav('date/index.html')).toEqual(['Dates=page']);
    expect(await nav('date/2024-12-30/index.html')).toEqual(['Dates=true']);
    expect(await nav('papers/alpha/index.html')).toEqual([]);
    expect(await nav('papers/by-title/2/index.html')).toEqual(['Papers=true']);
    expect(await nav('week/2025-W01/index.html')).toEqual(['Dates=true']);
    expect(await nav('month/2025-01/index.html')).toEqual(['Dates=true']);
    // The only paper of its day: no "All 1 paper".
    expect(load(await site.read('papers/saturday/index.html'))('.paper-day-nav p a').text()).toBe('The page of December 28, 2024');
  });

  it('shows a paper without authors, ids or links with no empty label or dangling separator', async () => {
    const $ = load(await site.read('date/2024-12-28/index.html'));
    const card = $('.paper-card');
    expect(card.find('.authors, .paper-links').length).toBe(0);
    expect(
      card
        .children()
        .map((_, c) => $(c).text())
        .get(),
    ).toEqual(['Zebra: the oldest', 'No authors, no ids, no links.']);
  });
});

describe('/arxiv/<id>/', () => {
  it("leaves the site's own public/ page in a redirect's place, and says so", async () => {
    expect(await site.read('arxiv/2006.04768v1/index.html')).toBe('<p>Our own page</p>');
    expect(site.output).toContain('arxiv: public/ has its own arxiv/2006.04768v1/index.html, so those redirect pages were not written.');
    expect(site.output).toContain('arxiv: 3 redirect pages (3 written, 0 unchanged)');
  });

  it.each([
    ['arxiv/2006.04768/index.html', '/papers/latest/'],
    ['arxiv/2006.04768v2/index.html', '/papers/latest/'],
    ['arxiv/math/0211159/index.html', '/papers/monday/'],
  ])('%s leads to %s', async (file, target) => {
    const $ = load(await site.read(file));
    expect($('meta[http-equiv=refresh]').attr('content')).toBe(`0;url=${target}`);
    expect($('link[rel=canonical]').attr('href')).toBe(`https://example.org${target}`);
  });
});
