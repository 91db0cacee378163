// /tags/<slug>/papers.bib: the BibTeX entries of the papers filed under a tag itself, not again those of its
// narrower tags (they have their own files), so a paper is in one tag file per tag it has, not under every ancestor.
import type { APIRoute, GetStaticPaths } from 'astro';
import { cacheKeyOf, getArchive, links, paperFileFacts } from 'astro-papershelf/archive';
import { bibtexFileText } from 'astro-papershelf/scholar';
import { bibtexResponse } from './responses.ts';

export const getStaticPaths = (async () => {
  const archive = await getArchive();
  return archive.taxonomy.tags
    .filter((tag) => archive.papersFiledUnder(tag.id).length > 0)
    .map((tag) => ({
      params: { slug: tag.slug },
      props: { id: tag.id },
      cacheKey: cacheKeyOf(archive.papersFiledUnder(tag.id).map((paper) => paperFileFacts(paper, archive))),
    }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const archive = await getArchive();
  return bibtexResponse(
    bibtexFileText(
      archive.papersFiledUnder((props as { id: string }).id),
      archive.citationKeys,
      (slug) => site && new URL(links.paper(slug), site).href,
    ),
  );
};
