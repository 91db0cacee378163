// /papers/<slug>.bib: one paper's BibTeX entry as a file.
import type { APIRoute, GetStaticPaths } from 'astro';
import { archiveBase, getArchive } from 'astro-papershelf/archive';
import { bibtexFile } from 'astro-papershelf/scholar';

export const getStaticPaths = (async () => (await getArchive()).papers.map((paper) => ({ params: { slug: paper.slug } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const archive = await getArchive();
  return bibtexFile(archive, [archive.bySlug.get(params['slug']!)!], site, archiveBase);
};
