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
  { pattern: '/tags', entrypoint: 'astro-papershelf/routes/tags.astro' },
  { pattern: '/tags/[slug]/[...page]', entrypoint: 'astro-papershelf/routes/tag.astro' },
  { pattern: '/tags/[slug]/papers.bib', entrypoint: 'astro-papershelf/routes/tag-bib.ts' },
  { pattern: '/search', entrypoint: 'astro-papershelf/routes/search.astro' },
  { pattern: '/404', entrypoint: 'astro-papershelf/routes/404.astro' },
] as const;
