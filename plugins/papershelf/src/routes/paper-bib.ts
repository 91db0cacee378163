// /papers/<slug>.bib: one paper's BibTeX entry as a file.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArchive, links, cacheKeyOf, paperFileFacts } from 'astro-papershelf/archive';
import { bibtexFileText } from 'astro-papershelf/scholar';
import { bibtexResponse } from './responses.ts';

export const getStaticPaths = (async () => {
  const archive = await getArchive();
  return archive.papers.map((paper) => ({ params: { slug: paper.slug }, cacheKey: cacheKeyOf(paperFileFacts(paper, archive)) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const archive = await getArchive();
  return bibtexResponse(
    bibtexFileText([archive.bySlug.get(params['slug']!)!], archive.citationKeys, (slug) => site && new URL(links.paper(slug), site).href),
  );
};
