import type { Paper } from '../paper/paper.ts';
import { bibtexEntry } from './bibtex-entry.ts';

/**
 * The text of a `.bib` file with the entries of `papers` under their
 * citation keys (`archive.citationKeys`), sorted by key so
 * the file diffs well; `pageUrl` gives a paper page's absolute URL, when the
 * site has one, for entries that have no other URL.
 */
export function bibtexFileText(
  papers: readonly Paper[],
  citationKeys: ReadonlyMap<string, string>,
  pageUrl: (slug: string) => string | undefined,
): string {
  return papers
    .map((paper) => ({ key: citationKeys.get(paper.slug)!, paper }))
    .sort((a, b) => a.key.localeCompare(b.key))
    .map(({ key, paper }) => bibtexEntry(paper, { key, pageUrl: pageUrl(paper.slug) }))
    .join('\n');
}
