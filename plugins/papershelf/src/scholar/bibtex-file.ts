import type { Archive } from '../archive/build-archive.ts';
import type { Paper } from '../archive/paper.ts';
import { paperHref } from '../archive/archive-urls.ts';
import { bibtexEntry } from './bibtex-entry.ts';

/** A `.bib` response (`base` is `import.meta.env.BASE_URL`) with the entries of `papers`, sorted by key so the file diffs well. */
export function bibtexFile(archive: Archive, papers: readonly Paper[], site: URL | undefined, base: string): Response {
  const entries = papers
    .map((paper) => ({ key: archive.citationKeys.get(paper.slug)!, paper }))
    .sort((a, b) => a.key.localeCompare(b.key))
    .map(({ key, paper }) => bibtexEntry(paper, { key, pageUrl: pageUrl(base, paper.slug, site) }));
  return new Response(entries.join('\n'), { headers: { 'content-type': 'application/x-bibtex; charset=utf-8' } });
}

/** The absolute URL of a paper's page, when the site has a `site` URL. */
export function pageUrl(base: string, slug: string, site: URL | undefined): string | undefined {
  return site ? new URL(paperHref(base, slug), site).href : undefined;
}
