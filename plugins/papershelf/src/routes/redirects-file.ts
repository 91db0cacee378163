// /_redirects: every /arxiv/<id> address of the archive as a permanent redirect rule to its paper's page, in the
// format Netlify and Cloudflare Pages read, when `arxivRedirects: 'redirects-file'` replaces the page per id.
import type { APIRoute } from 'astro';
import { getArchive, links } from 'astro-papershelf/archive';

export const GET: APIRoute = async () => {
  const archive = await getArchive();
  const rules = archive.arxivRedirects.flatMap((redirect) => {
    const to = links.paper(redirect.slug);
    // Cloudflare Pages matches a rule's address exactly, trailing slash and all (Netlify does not): the address as the
    // site writes it, and as readers type it, with the slash or without, each has a rule.
    return bothSlashForms(links.href('arxiv', { id: redirect.id })).map((from) => `${from} ${to} 301`);
  });
  return new Response(rules.length > 0 ? `${rules.join('\n')}\n` : '', { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};

/** An address as the site writes it, then with its trailing slash dropped or added. */
function bothSlashForms(address: string): [string, string] {
  return [address, address.endsWith('/') ? address.slice(0, -1) : `${address}/`];
}
