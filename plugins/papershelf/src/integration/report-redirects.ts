import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { routeHref, type LinkSettings } from '../links/site-links.ts';

// Cloudflare Pages reads at most this many static rules from `_redirects`, on every plan.
const cloudflareRedirectRules = 2000;
// Netlify reads every rule, but its documentation says a deploy may fail when the rules are too large, and
// recommends wildcards for 10,000 redirects or more, which the archive's rules (an id each) cannot use.
const netlifyAdvisedRules = 10_000;

/** Where the build's /arxiv/ rules live: the site's base, and the start of every /arxiv/ address (`/site/archive/arxiv/`). */
export interface ArxivAddresses {
  base: string;
  prefix: string;
}

/**
 * What to say of the built `_redirects` (`arxivRedirects: 'redirects-file'`):
 * more rules than Cloudflare Pages reads, as many as Netlify advises against,
 * and rules under a base path, which hosts read only at the root of what they
 * publish. Nothing when the file fits everywhere, nor when it holds none of
 * the build's /arxiv/ rules (a site's own `public/_redirects` wins over them).
 */
export function redirectsFileNotes(text: string, { base, prefix }: ArxivAddresses): string[] {
  const rules = text.split('\n').filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  if (!rules.some((rule) => rule.trimStart().startsWith(prefix))) return [];
  const notes: string[] = [];
  if (rules.length >= netlifyAdvisedRules)
    notes.push(
      `_redirects holds ${rules.length} redirect rules: Cloudflare Pages reads only the first ${cloudflareRedirectRules}, and Netlify recommends wildcards for ${netlifyAdvisedRules} or more, as a deploy whose rules are too large may fail. Set arxivRedirects: 'pages', which writes a small page per id instead.`,
    );
  else if (rules.length > cloudflareRedirectRules)
    notes.push(
      `_redirects holds ${rules.length} redirect rules; Cloudflare Pages reads only the first ${cloudflareRedirectRules} (Netlify reads them all). On Cloudflare, set arxivRedirects: 'pages'.`,
    );
  const folder = base.endsWith('/') ? base : `${base}/`;
  if (folder !== '/')
    notes.push(
      `the site is built under ${folder}, and Netlify and Cloudflare Pages read _redirects only at the root of what they publish: publish dist/ as the folder ${folder.slice(1)} of that root and move _redirects to the root (this note stays while the site has a base path), or set arxivRedirects: 'pages', which works wherever the site is served.`,
    );
  return notes;
}

/** Warns of what in the built `_redirects` a host would not follow (see `redirectsFileNotes`). */
export async function reportRedirects(dist: string, links: LinkSettings, logger: AstroIntegrationLogger): Promise<void> {
  const text = await readFile(join(dist, '_redirects'), 'utf8').catch(() => undefined);
  for (const note of text === undefined ? [] : redirectsFileNotes(text, arxivAddresses(links))) logger.warn(note);
}

/** The site's base and the start of every /arxiv/ address, as the site's links make them (its `routePrefix` included). */
function arxivAddresses(links: LinkSettings): ArxivAddresses {
  const sample = routeHref(links, 'arxiv', { id: 'ID' });
  return { base: links.base, prefix: sample.slice(0, sample.lastIndexOf('ID')) };
}
