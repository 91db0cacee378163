import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegrationLogger } from 'astro';
import { routeTable } from '../links/route-table.ts';
import type { LinkSettings } from '../links/site-links.ts';
import { escapeHtml } from '../markdown/escape-html.ts';
import { pageFile } from '../links/page-file.ts';
import { takeBuildNote } from './build-report.ts';

/** Where the arxiv-list route writes its file in `dist/` (its folder goes with the build report's). */
const listFile = routeTable.arxivList.pattern.replace(/^\//, '');

/**
 * Writes a redirect page for every `/arxiv/<id>` address the build listed
 * (the list's route is built only with `arxivRedirects: 'pages'`; an older
 * list is cleared when a build starts, see `clearBuildNotes`),
 * where Astro would have written the page of that address under the site's
 * `build.format`, says how many, and returns every page's file. A page that
 * already holds the same bytes (an incremental build's kept `dist/`) is left
 * as it is; a file of the site's `public/` folder in a page's place is left
 * alone, as Astro leaves it. Synchronous file calls: ten thousand tiny files,
 * each far cheaper than a promise's round trip through the thread pool.
 */
export async function writeArxivPages(
  dist: string,
  config: Pick<AstroConfig, 'site' | 'publicDir'>,
  links: LinkSettings,
  logger: AstroIntegrationLogger,
): Promise<string[]> {
  const redirects = await takeBuildNote<[string, string][]>(dist, listFile);
  if (!redirects) return [];
  const publicDir = fileURLToPath(config.publicDir);
  const files: string[] = [];
  const taken: string[] = [];
  let written = 0;
  for (const [from, to] of redirects) {
    const page = pageFile(from, links);
    if (existsSync(join(publicDir, page))) {
      taken.push(page);
      continue;
    }
    const file = join(dist, page);
    const html = redirectPage(to, config.site);
    files.push(file);
    if (sameText(file, html)) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, html);
    written++;
  }
  if (redirects.length > 0) {
    const pages = `${files.length} redirect ${files.length === 1 ? 'page' : 'pages'}`;
    logger.info(`arxiv: ${pages} (${written} written, ${files.length - written} unchanged)`);
  }
  if (taken.length > 0)
    logger.warn(
      `arxiv: public/ has its own ${taken.slice(0, 3).join(', ')}${taken.length > 3 ? ` and ${taken.length - 3} more` : ''}, so those redirect pages were not written. Delete them from public/ to have the redirects.`,
    );
  return files;
}

/**
 * A static redirect: an immediate refresh to the paper's page for every
 * browser, the canonical URL for search engines, and a link for a reader
 * whose browser follows neither. The page Astro writes for a redirect, but
 * naming the paper's address three times rather than four, and nothing
 * else: there is one of these a paper (or more), 0.35 KB each. No `noindex`:
 * search engines take an immediate refresh as a redirect, and Google reads
 * `noindex` beside a canonical link as two signals that disagree.
 * Its text is ASCII, so no host's missing charset can garble it.
 */
export function redirectPage(to: string, site: string | undefined): string {
  const target = escapeHtml(to);
  const canonical = escapeHtml(site ? new URL(to, site).href : to);
  return `<!doctype html><title>Redirecting</title><meta http-equiv="refresh" content="0;url=${target}"><link rel="canonical" href="${canonical}"><a href="${target}">The paper's page</a>`;
}

function sameText(file: string, text: string): boolean {
  try {
    return readFileSync(file, 'utf8') === text;
  } catch {
    return false;
  }
}
