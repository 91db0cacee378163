import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';

// Cloudflare Pages reads at most this many static rules from `_redirects` (Netlify has no such limit).
const cloudflareRedirectRules = 2000;

/** What to say of a `_redirects` file with more rules than Cloudflare Pages reads; undefined when it fits. */
export function redirectRulesNote(text: string): string | undefined {
  const rules = text.split('\n').filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#')).length;
  if (rules <= cloudflareRedirectRules) return undefined;
  return `_redirects holds ${rules} redirect rules; Cloudflare Pages reads only the first ${cloudflareRedirectRules} (Netlify reads them all). On Cloudflare, set arxivRedirects: 'pages'.`;
}

/** Warns when the built `_redirects` (`arxivRedirects: 'redirects-file'`) is too long for Cloudflare Pages. */
export async function reportRedirects(dist: string, logger: AstroIntegrationLogger): Promise<void> {
  const text = await readFile(join(dist, '_redirects'), 'utf8').catch(() => undefined);
  const note = text === undefined ? undefined : redirectRulesNote(text);
  if (note) logger.warn(note);
}
