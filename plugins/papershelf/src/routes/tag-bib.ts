// /tags/<slug>/papers.bib: the BibTeX entries of a tag's papers.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArchive, links } from 'astro-papershelf/archive';
import { bibtexFileText } from 'astro-papershelf/scholar';
import { bibtexResponse } from './responses.ts';

export const getStaticPaths = (async () =>
  (await getArchive()).taxonomy.tags.map((tag) => ({ params: { slug: tag.slug }, props: { id: tag.id } }))) satisfies GetStaticPaths;

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
