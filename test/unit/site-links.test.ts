// Every address of the archive comes from one route table: base path, route prefix, trailingSlash and build.format
// applied in one place, parameters encoded once.
import { describe, expect, it } from 'vitest';
import { routeHref, siteLinks, sitePath, type LinkSettings } from '../../plugins/papershelf/src/links/site-links.ts';
import { prefixedPattern, routeTable } from '../../plugins/papershelf/src/links/route-table.ts';
import { optionsSchema } from '../../plugins/papershelf/src/options.ts';

const settings = (overrides: Partial<LinkSettings> = {}): LinkSettings => ({
  base: '/',
  routePrefix: '',
  trailingSlash: 'ignore',
  format: 'directory',
  ...overrides,
});

describe('routeHref', () => {
  it.each([
    [settings(), 'paper', { slug: 'x' }, '/papers/x/'],
    [settings({ base: '/archive/' }), 'paper', { slug: 'x' }, '/archive/papers/x/'],
    [settings({ base: '/archive', trailingSlash: 'never' }), 'paper', { slug: 'x' }, '/archive/papers/x'],
    [settings({ trailingSlash: 'ignore', format: 'file' }), 'paper', { slug: 'x' }, '/papers/x'],
    [settings({ trailingSlash: 'always', format: 'file' }), 'paper', { slug: 'x' }, '/papers/x/'],
    [settings({ routePrefix: '/shelf' }), 'tag', { slug: 'c-plus-plus', page: 2 }, '/shelf/tags/c-plus-plus/2/'],
    [settings(), 'tag', { slug: '注意力' }, `/tags/${encodeURIComponent('注意力')}/`],
    [settings(), 'day', { day: '2025-08-27', page: undefined }, '/date/2025-08-27/'],
    [settings({ trailingSlash: 'never' }), 'arxiv', { id: 'math/0211159v2' }, '/arxiv/math/0211159v2'],
    [settings({ trailingSlash: 'always' }), 'paperBib', { slug: 'x' }, '/papers/x.bib'],
    [settings({ trailingSlash: 'always' }), 'tagRss', { slug: 'a b' }, '/tags/a%20b/rss.xml'],
    [settings({ routePrefix: '/shelf' }), 'notFound', {}, '/404/'],
    [settings({ base: '/archive', trailingSlash: 'never' }), 'home', {}, '/archive'],
    [settings({ trailingSlash: 'never' }), 'home', {}, '/'],
    [settings({ base: '/archive/', routePrefix: 'shelf/', trailingSlash: 'never' }), 'home', {}, '/archive/shelf'],
  ] as const)('%o %s %o → %s', (link, name, params, expected) => {
    expect(routeHref(link, name, params)).toBe(expected);
  });

  it('puts site-wide files at the base path, never with a slash', () => {
    expect(sitePath(settings({ base: '/archive', trailingSlash: 'always' }), 'pagefind/pagefind.js')).toBe('/archive/pagefind/pagefind.js');
    expect(sitePath(settings({ base: '/archive/' }), '')).toBe('/archive/');
  });
});

describe('siteLinks', () => {
  const links = siteLinks(settings({ base: '/a/' }));

  it('builds each address from its route', () => {
    expect([
      links.papersIndex(),
      links.papersIndex(2),
      links.month('2025-01'),
      links.authors(),
      links.author('ada', 3),
      links.day('2025-01-02', 2),
    ]).toEqual(['/a/papers/', '/a/papers/by-title/2/', '/a/month/2025-01/', '/a/authors/', '/a/authors/ada/3/', '/a/date/2025-01-02/2/']);
  });

  it('has no address that matches no route of the table, and no route without a builder or a reason', () => {
    const patterns = Object.values(routeTable).map(
      (route) =>
        new RegExp(
          `^/a${prefixedPattern(route, '')
            .replace(/\/\[\.\.\.[^\]]+\]/g, '(?:/.+)?')
            .replace(/\[[^\]]+\]/g, '[^/]+')
            .replace(/\/$/, '')}/?$`,
        ),
    );
    const built = [
      links.home(),
      links.paper('p'),
      links.paperBib('p'),
      links.paperJson('p'),
      links.papersIndex(),
      links.papersIndex(2),
      links.papersBib(),
      links.papersJson(),
      links.papersSchema(),
      links.monthJson('2025-01'),
      links.dates(),
      links.day('2025-01-01'),
      links.week('2025-W01'),
      links.month('2025-01'),
      links.authors(),
      links.author('x'),
      links.tags(),
      links.tag('t', 2),
      links.tagBib('t'),
      links.tagRss('t'),
      links.rss(),
      links.atom(),
      links.subscribe(),
      links.search(),
    ];
    for (const href of built)
      expect(
        patterns.some((pattern) => pattern.test(href)),
        href,
      ).toBe(true);
  });

  it('switches routes with the option keys themselves', () => {
    const features = Object.keys(optionsSchema.parse({}).features);
    for (const route of Object.values(routeTable)) if ('feature' in route) expect(features).toContain(route.feature);
  });
});
