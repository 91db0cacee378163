// /tags/<slug>/papers.bib: the BibTeX entries of a tag's papers.
import type { APIRoute, GetStaticPaths } from 'astro';
import { archiveBase, getArchive } from 'astro-papershelf/archive';
import { bibtexFile } from 'astro-papershelf/scholar';

export const getStaticPaths = (async () => (await getArchive()).taxonomy.tags.map((tag) => ({ params: { slug: tag.slug }, props: { id: tag.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const archive = await getArchive();
  return bibtexFile(archive, archive.papersOfTag((props as { id: string }).id), site, archiveBase);
};
