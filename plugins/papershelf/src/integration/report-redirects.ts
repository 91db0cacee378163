import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';

// Cloudflare Pages reads at most this many static rules from `_redirects`.
const cloudflareRedirectRules = 2000;
// Netlify reads every rule, but its documentation warns that a deploy may fail past about this many, and advises wildcards.
const netlifyAdvisedRules = 10_000;

/**
 * What to say of the built `_redirects` (`arxivRedirects: 'redirects-file'`):
 * more rules than Cloudflare Pages reads, more than Netlify advises, and
 * /arxiv/ rules under a base path, which hosts read only at the root of what
 * they publish. Nothing when the file fits everywhere.
 */
export function redirectsFileNotes(text: string, base: string): string[] {
  const rules = text.split('\n').filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  const notes: string[] = [];
  if (rules.length > netlifyAdvisedRules)
    notes.push(
      `_redirects holds ${rules.length} redirect rules: Cloudflare Pages reads only the first ${cloudflareRedirectRules}, and Netlify advises fewer than ${netlifyAdvisedRules} (a deploy with more may fail). Set arxivRedirects: 'pages', which writes a small page per id instead.`,
    );
  else if (rules.length > cloudflareRedirectRules)
    notes.push(
      `_redirects holds ${rules.length} redirect rules; Cloudflare Pages reads only the first ${cloudflareRedirectRules} (Netlify reads them all). On Cloudflare, set arxivRedirects: 'pages'.`,
    );
  const folder = base.endsWith('/') ? base : `${base}/`;
  if (folder !== '/' && rules.some((rule) => rule.trimStart().startsWith(`${folder}arxiv/`)))
    notes.push(
      `the site is built under ${folder}, and Netlify and Cloudflare Pages read _redirects only at the root of what they publish: publish dist/ as the folder ${folder.slice(1)} of that root and move _redirects to the root, or set arxivRedirects: 'pages', which works wherever the site is served.`,
    );
  return notes;
}

/** Warns of what in the built `_redirects` a host would not follow (see `redirectsFileNotes`). */
export async function reportRedirects(dist: string, base: string, logger: AstroIntegrationLogger): Promise<void> {
  const text = await readFile(join(dist, '_redirects'), 'utf8').catch(() => undefined);
  for (const note of text === undefined ? [] : redirectsFileNotes(text, base)) logger.warn(note);
}
