// /_papershelf/arxiv-redirects.json: every /arxiv/<id> address of the archive and the paper page it leads to, as
// [from, to] pairs of site paths. The integration writes a redirect page for each when the build is done, and
// then deletes this file (see integration/write-arxiv-pages.ts).
import type { APIRoute } from 'astro';
import { getArchive, links } from 'astro-papershelf/archive';
import { compactJsonResponse } from './responses.ts';

export const GET: APIRoute = async () => {
  const archive = await getArchive();
  return compactJsonResponse(
    archive.arxivRedirects.map((redirect) => [links.href('arxiv', { id: redirect.id }), links.paper(redirect.slug)]),
  );
};
