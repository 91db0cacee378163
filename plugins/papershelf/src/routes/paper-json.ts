// /papers/<slug>.json: one paper as data, described by /papers.schema.json#/$defs/paper.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArchive, links, cacheKeyOf, paperFileFacts } from 'astro-papershelf/archive';
import { paperRecord } from 'astro-papershelf/export';
import { jsonResponse } from './responses.ts';

export const getStaticPaths = (async () => {
  const archive = await getArchive();
  return archive.papers.map((paper) => ({ params: { slug: paper.slug }, cacheKey: cacheKeyOf(paperFileFacts(paper, archive)) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const archive = await getArchive();
  const paper = archive.bySlug.get(params['slug']!)!;
  const absolute = (path: string) => (site ? new URL(path, site).href : path);
  return jsonResponse({
    $schema: `${absolute(links.papersSchema())}#/$defs/paper`,
    ...paperRecord(paper, absolute(links.paper(paper.slug)), archive.taxonomy.byId),
  });
};
