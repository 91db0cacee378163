// /papers.bib: every paper's BibTeX entry, by key.
import type { APIRoute } from 'astro';
import { getArchive, links } from 'astro-papershelf/archive';
import { bibtexFileText } from 'astro-papershelf/scholar';
import { bibtexResponse } from './responses.ts';

export const GET: APIRoute = async ({ site }) => {
  const archive = await getArchive();
  return bibtexResponse(bibtexFileText(archive.papers, archive.citationKeys, (slug) => site && new URL(links.paper(slug), site).href));
};
