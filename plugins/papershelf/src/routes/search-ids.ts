// /search/ids/<file>.json: which paper each arXiv id and DOI of the archive leads to, split by the id's prefix
// (arxiv-1706, arxiv-hep-th, doi-10.1145), so a search for an id loads one small file, and only then.
import type { APIRoute, GetStaticPaths } from 'astro';
import { cacheKeyOf, getArchive, links } from 'astro-papershelf/archive';
import { identifierFiles, type IdentifierTarget } from 'astro-papershelf/search';

export const getStaticPaths = (async () => {
  const archive = await getArchive();
  return [...identifierFiles(archive.papers, links.paper)].map(([file, entries]) => ({
    params: { file },
    props: { entries },
    cacheKey: cacheKeyOf(entries),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify((props as { entries: Record<string, IdentifierTarget> }).entries), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
