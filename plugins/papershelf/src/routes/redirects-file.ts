// /_redirects: every /arxiv/<id> address of the archive as a permanent redirect rule to its paper's page, in the
// format Netlify and Cloudflare Pages read, when `arxivRedirects: 'redirects-file'` replaces the page per id.
import type { APIRoute } from 'astro';
import { getArchive, links } from 'astro-papershelf/archive';

export const GET: APIRoute = async () => {
  const archive = await getArchive();
  const arxivPage = (id: string) => links.href('arxiv', { id });
  const lines = archive.arxivRedirects.map((redirect) => `${arxivPage(redirect.id)} ${links.paper(redirect.slug)} 301`);
  return new Response(lines.length > 0 ? `${lines.join('\n')}\n` : '', { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
