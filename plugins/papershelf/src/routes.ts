/** The pages the integration adds to a site: pattern → entrypoint in this package. */
export const archiveRoutes = [
  { pattern: '/', entrypoint: 'astro-papershelf/routes/index.astro' },
  { pattern: '/papers/[slug]', entrypoint: 'astro-papershelf/routes/paper.astro' },
  { pattern: '/tags', entrypoint: 'astro-papershelf/routes/tags.astro' },
  { pattern: '/tags/[slug]/[...page]', entrypoint: 'astro-papershelf/routes/tag.astro' },
  { pattern: '/search', entrypoint: 'astro-papershelf/routes/search.astro' },
  { pattern: '/404', entrypoint: 'astro-papershelf/routes/404.astro' },
] as const;
