// /papers.bib: every paper's BibTeX entry, by key.
import type { APIRoute } from 'astro';
import { archiveBase, getArchive } from 'astro-papershelf/archive';
import { bibtexFile } from 'astro-papershelf/scholar';

export const GET: APIRoute = async ({ site }) => {
  const archive = await getArchive();
  return bibtexFile(archive, archive.papers, site, archiveBase);
};
