// /tags/<slug>/papers.bib: the BibTeX entries of a tag's papers.
import type { APIRoute, GetStaticPaths } from 'astro';
import { cacheKeyOf, getArchive, links, paperFileFacts } from 'astro-papershelf/archive';
import { bibtexFileText } from 'astro-papershelf/scholar';
import { bibtexResponse } from './responses.ts';

export const getStaticPaths = (async () => {
  const archive = await getArchive();
  return archive.taxonomy.tags.map((tag) => ({
    params: { slug: tag.slug },
    props: { id: tag.id },
    cacheKey: cacheKeyOf(archive.papersOfTag(tag.id).map((paper) => paperFileFacts(paper, archive))),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const archive = await getArchive();
  return bibtexResponse(
    bibtexFileText(
      archive.papersOfTag((props as { id: string }).id),
      archive.citationKeys,
      (slug) => site && new URL(links.paper(slug), site).href,
    ),
  );
};
