/** The pages the integration adds to a site: pattern → entrypoint in this package. */
export const archiveRoutes = [
  { pattern: '/', entrypoint: 'astro-papershelf/routes/index.astro' },
  { pattern: '/papers', entrypoint: 'astro-papershelf/routes/papers.astro' },
  { pattern: '/papers/[order]/[...page]', entrypoint: 'astro-papershelf/routes/papers-listing.astro' },
  { pattern: '/papers/[slug]', entrypoint: 'astro-papershelf/routes/paper.astro' },
  { pattern: '/papers/[slug].bib', entrypoint: 'astro-papershelf/routes/paper-bib.ts' },
  { pattern: '/papers.bib', entrypoint: 'astro-papershelf/routes/papers-bib.ts' },
  { pattern: '/date', entrypoint: 'astro-papershelf/routes/dates.astro' },
  { pattern: '/date/[day]/[...page]', entrypoint: 'astro-papershelf/routes/day.astro' },
  { pattern: '/week/[week]', entrypoint: 'astro-papershelf/routes/week.astro' },
  { pattern: '/month/[month]', entrypoint: 'astro-papershelf/routes/month.astro' },
  { pattern: '/arxiv/[...id]', entrypoint: 'astro-papershelf/routes/arxiv.astro' },
  { pattern: '/[authors]', entrypoint: 'astro-papershelf/routes/authors.astro' },
  { pattern: '/authors/[slug]/[...page]', entrypoint: 'astro-papershelf/routes/author.astro' },
  { pattern: '/tags', entrypoint: 'astro-papershelf/routes/tags.astro' },
  { pattern: '/tags/[slug]/[...page]', entrypoint: 'astro-papershelf/routes/tag.astro' },
  { pattern: '/tags/[slug]/papers.bib', entrypoint: 'astro-papershelf/routes/tag-bib.ts' },
  { pattern: '/search', entrypoint: 'astro-papershelf/routes/search.astro' },
  { pattern: '/papers.json', entrypoint: 'astro-papershelf/routes/papers-json.ts' },
  { pattern: '/papers/[slug].json', entrypoint: 'astro-papershelf/routes/paper-json.ts' },
  { pattern: '/papers.schema.json', entrypoint: 'astro-papershelf/routes/papers-schema.json.ts' },
  { pattern: '/404', entrypoint: 'astro-papershelf/routes/404.astro' },
] as const;

/** Pages that need absolute URLs, so only a site with a `site` URL gets them. */
export const feedRoutes = [
  { pattern: '/rss.xml', entrypoint: 'astro-papershelf/routes/rss.xml.ts' },
  { pattern: '/atom.xml', entrypoint: 'astro-papershelf/routes/atom.xml.ts' },
  { pattern: '/tags/[slug]/rss.xml', entrypoint: 'astro-papershelf/routes/tag-rss.xml.ts' },
  { pattern: '/subscribe', entrypoint: 'astro-papershelf/routes/subscribe.astro' },
] as const;

/** `/robots.txt`, unless the site has its own in `public/`. */
export const robotsRoute = { pattern: '/robots.txt', entrypoint: 'astro-papershelf/routes/robots.txt.ts' } as const;
