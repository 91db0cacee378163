/** Which feature switch a route belongs to; routes without one are always built. */
export type Feature = 'home' | 'search' | 'feeds' | 'archive' | 'related' | 'authors' | 'paperFiles';

interface ArchiveRoute {
  pattern: string;
  entrypoint: string;
  feature?: Feature;
  /** Site-wide files stay at the site's root whatever the route prefix. */
  siteWide?: boolean;
}

/** The pages the integration adds to a site: pattern → entrypoint in this package. */
export const archiveRoutes: readonly ArchiveRoute[] = [
  { pattern: '/', entrypoint: 'astro-papershelf/routes/index.astro', feature: 'home' },
  { pattern: '/papers', entrypoint: 'astro-papershelf/routes/papers.astro', feature: 'archive' },
  { pattern: '/papers/[order]/[...page]', entrypoint: 'astro-papershelf/routes/papers-listing.astro', feature: 'archive' },
  { pattern: '/papers/[slug]', entrypoint: 'astro-papershelf/routes/paper.astro' },
  { pattern: '/papers/[slug].bib', entrypoint: 'astro-papershelf/routes/paper-bib.ts', feature: 'paperFiles' },
  { pattern: '/papers.bib', entrypoint: 'astro-papershelf/routes/papers-bib.ts' },
  { feature: 'archive', pattern: '/date', entrypoint: 'astro-papershelf/routes/dates.astro' },
  { feature: 'archive', pattern: '/date/[day]/[...page]', entrypoint: 'astro-papershelf/routes/day.astro' },
  { feature: 'archive', pattern: '/week/[week]', entrypoint: 'astro-papershelf/routes/week.astro' },
  { feature: 'archive', pattern: '/month/[month]', entrypoint: 'astro-papershelf/routes/month.astro' },
  { feature: 'archive', pattern: '/arxiv/[...id]', entrypoint: 'astro-papershelf/routes/arxiv.astro' },
  { feature: 'authors', pattern: '/[authors]', entrypoint: 'astro-papershelf/routes/authors.astro' },
  { feature: 'authors', pattern: '/authors/[slug]/[...page]', entrypoint: 'astro-papershelf/routes/author.astro' },
  { pattern: '/tags', entrypoint: 'astro-papershelf/routes/tags.astro' },
  { pattern: '/tags/[slug]/[...page]', entrypoint: 'astro-papershelf/routes/tag.astro' },
  { pattern: '/tags/[slug]/papers.bib', entrypoint: 'astro-papershelf/routes/tag-bib.ts' },
  { feature: 'search', pattern: '/search', entrypoint: 'astro-papershelf/routes/search.astro' },
  { pattern: '/papers.json', entrypoint: 'astro-papershelf/routes/papers-json.ts' },
  { pattern: '/papers/[slug].json', entrypoint: 'astro-papershelf/routes/paper-json.ts', feature: 'paperFiles' },
  { pattern: '/papers.schema.json', entrypoint: 'astro-papershelf/routes/papers-schema.json.ts' },
  { pattern: '/404', entrypoint: 'astro-papershelf/routes/404.astro', siteWide: true },
];

/** Pages that need absolute URLs, so only a site with a `site` URL gets them. */
export const feedRoutes: readonly ArchiveRoute[] = [
  { pattern: '/rss.xml', entrypoint: 'astro-papershelf/routes/rss.xml.ts' },
  { pattern: '/atom.xml', entrypoint: 'astro-papershelf/routes/atom.xml.ts' },
  { pattern: '/tags/[slug]/rss.xml', entrypoint: 'astro-papershelf/routes/tag-rss.xml.ts' },
  { pattern: '/subscribe', entrypoint: 'astro-papershelf/routes/subscribe.astro' },
];

/** `/robots.txt`, unless the site has its own in `public/`. */
export const robotsRoute: ArchiveRoute = { pattern: '/robots.txt', entrypoint: 'astro-papershelf/routes/robots.txt.ts', siteWide: true };

/** A route's pattern moved under the prefix (`/papers` + `/tags` = `/papers/tags`), unless it is site-wide. */
export function prefixed(route: ArchiveRoute, prefix: string): string {
  if (route.siteWide || !prefix) return route.pattern;
  const clean = `/${prefix.replace(/^\/+|\/+$/g, '')}`;
  return route.pattern === '/' ? clean : `${clean}${route.pattern}`;
}
