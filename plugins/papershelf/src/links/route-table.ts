import type { PapershelfOptions } from '../options.ts';

/** Which feature switch a route belongs to: the keys of the `features` option. */
export type Feature = keyof PapershelfOptions['features'];

/** One page (or file) the integration adds to a site. */
export interface ArchiveRoute {
  /** Astro's route pattern, before the `routePrefix`. */
  pattern: string;
  /** The page or endpoint in this package. */
  entrypoint: string;
  /** Built only while this feature is on. */
  feature?: Feature;
  /** Needs the site's absolute URL (`site` in astro.config): left out without one. */
  needsSite?: boolean;
  /** Stays at the site's root whatever the route prefix (404, icon, robots.txt). */
  siteWide?: boolean;
  /** Left out when the site's public folder has one of these files of its own. */
  unlessPublic?: readonly string[];
  /** Built only when the `arxivRedirects` option is this (the two ways of writing the /arxiv/ redirects). */
  arxivRedirects?: PapershelfOptions['arxivRedirects'];
  /** Served by `astro dev` only: a build writes these addresses itself. */
  devOnly?: boolean;
}

const entry = (file: string) => `astro-papershelf/routes/${file}`;

/**
 * Every route of the archive, once: what `astro:config:setup` injects and
 * what every link is built from (`siteLinks`), so the two cannot disagree.
 */
export const routeTable = {
  home: { pattern: '/', entrypoint: entry('index.astro'), feature: 'home' },
  papers: { pattern: '/papers', entrypoint: entry('papers.astro'), feature: 'archive' },
  papersListing: { pattern: '/papers/by-title/[page]', entrypoint: entry('papers-listing.astro'), feature: 'archive' },
  paper: { pattern: '/papers/[slug]', entrypoint: entry('paper.astro') },
  paperBib: { pattern: '/papers/[slug].bib', entrypoint: entry('paper-bib.ts'), feature: 'paperFiles' },
  paperJson: { pattern: '/papers/[slug].json', entrypoint: entry('paper-json.ts'), feature: 'paperFiles' },
  papersBib: { pattern: '/papers.bib', entrypoint: entry('papers-bib.ts') },
  papersJson: { pattern: '/papers.json', entrypoint: entry('papers-json.ts') },
  papersSchema: { pattern: '/papers.schema.json', entrypoint: entry('papers-schema.json.ts') },
  // A month's papers as data: `/papers.json` lists these files, so that no file outgrows a host's cap on one file.
  monthJson: { pattern: '/month/[month]/papers.json', entrypoint: entry('month-json.ts') },
  dates: { pattern: '/date', entrypoint: entry('dates.astro'), feature: 'archive' },
  day: { pattern: '/date/[day]/[...page]', entrypoint: entry('day.astro'), feature: 'archive' },
  week: { pattern: '/week/[week]/[...page]', entrypoint: entry('week.astro'), feature: 'archive' },
  month: { pattern: '/month/[month]', entrypoint: entry('month.astro'), feature: 'archive' },
  // `astro dev` answers /arxiv/<id> with a redirect; a build writes a page per id from the list below instead,
  // since Astro's page pipeline costs about a millisecond a page (10 s of a 10,000-paper build) for a 300-byte file.
  arxiv: { pattern: '/arxiv/[...id]', entrypoint: entry('arxiv.astro'), feature: 'archive', arxivRedirects: 'pages', devOnly: true },
  // Read and removed by the integration, which writes the redirect pages (see integration/write-arxiv-pages.ts).
  arxivList: {
    pattern: '/_papershelf/arxiv-redirects.json',
    entrypoint: entry('arxiv-redirects.json.ts'),
    feature: 'archive',
    siteWide: true,
    arxivRedirects: 'pages',
  },
  // The same redirects as one `_redirects` file (Netlify, Cloudflare Pages) instead of a page each.
  redirectsFile: {
    pattern: '/_redirects',
    entrypoint: entry('redirects-file.ts'),
    feature: 'archive',
    siteWide: true,
    arxivRedirects: 'redirects-file',
    unlessPublic: ['_redirects'],
  },
  // Dynamic only so that an archive without authors gets no authors page (its getStaticPaths returns nothing).
  authors: { pattern: '/[authors]', entrypoint: entry('authors.astro'), feature: 'authors' },
  author: { pattern: '/authors/[slug]/[...page]', entrypoint: entry('author.astro'), feature: 'authors' },
  // No author takes the slug `letter` (see reservedAuthorSlugs).
  authorsLetter: { pattern: '/authors/letter/[letter]', entrypoint: entry('authors-letter.astro'), feature: 'authors' },
  tags: { pattern: '/tags', entrypoint: entry('tags.astro') },
  tag: { pattern: '/tags/[slug]/[...page]', entrypoint: entry('tag.astro') },
  tagBib: { pattern: '/tags/[slug]/papers.bib', entrypoint: entry('tag-bib.ts') },
  tagRss: { pattern: '/tags/[slug]/rss.xml', entrypoint: entry('tag-rss.xml.ts'), feature: 'feeds', needsSite: true },
  rss: { pattern: '/rss.xml', entrypoint: entry('rss.xml.ts'), feature: 'feeds', needsSite: true },
  atom: { pattern: '/atom.xml', entrypoint: entry('atom.xml.ts'), feature: 'feeds', needsSite: true },
  subscribe: { pattern: '/subscribe', entrypoint: entry('subscribe.astro'), feature: 'feeds', needsSite: true },
  search: { pattern: '/search', entrypoint: entry('search.astro'), feature: 'search' },
  searchIds: { pattern: '/search/ids/[file].json', entrypoint: entry('search-ids.ts'), feature: 'search' },
  notFound: { pattern: '/404', entrypoint: entry('404.astro'), siteWide: true },
  robots: { pattern: '/robots.txt', entrypoint: entry('robots.txt.ts'), siteWide: true, needsSite: true, unlessPublic: ['robots.txt'] },
  // Read and removed by the integration, which adds each paper's search fields to the copy Pagefind reads.
  searchFields: {
    pattern: '/_papershelf/search-fields.json',
    entrypoint: entry('search-fields.json.ts'),
    feature: 'search',
    siteWide: true,
  },
  // Read and removed by the integration when the build is done (see integration/build-report.ts).
  buildReport: { pattern: '/_papershelf/build-report.json', entrypoint: entry('build-report.json.ts'), siteWide: true },
  favicon: {
    pattern: '/favicon.svg',
    entrypoint: entry('favicon.svg.ts'),
    siteWide: true,
    unlessPublic: ['favicon.svg', 'favicon.ico', 'favicon.png'],
  },
} as const satisfies Record<string, ArchiveRoute>;

/** The name of a route of the table. */
export type RouteName = keyof typeof routeTable;

/** A route's pattern moved under the prefix (`/papers` + `/tags` = `/papers/tags`), unless it is site-wide. */
export function prefixedPattern(route: ArchiveRoute, prefix: string): string {
  const clean = prefix.replace(/^\/+|\/+$/g, '');
  if (route.siteWide || !clean) return route.pattern;
  return route.pattern === '/' ? `/${clean}` : `/${clean}${route.pattern}`;
}
