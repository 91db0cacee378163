// The author a search query names, so the search page can link their page above the results.
import type { PagefindResultData } from './pagefind-types.ts';
import { authorKey } from '../archive/authors.ts';

/** An author with a page: the name as the paper spells it and the page's address. */
export interface NamedAuthor {
  name: string;
  href: string;
}

/**
 * The author a query names, when every word of it is a word of one author's
 * name (accents and order aside: `Hauberg Søren`, `soren hauberg`) and that
 * author has a page: found among the results' authors (`author_pages`, see
 * paper-search-fields.ts). A name the query spells whole and in order wins
 * at once; else the name with the fewest words besides the query's, then
 * the earlier result: "Łukasz Kaiser" is Łukasz Kaiser, not a Łukasz
 * Kaiser-Lomi who comes first in the results, and "Wang Wei" is Wang Wei
 * before Wei Wang.
 */
export function namedAuthor(query: string, results: readonly PagefindResultData[]): NamedAuthor | undefined {
  const words = plainWords(query);
  if (words.length === 0) return undefined;
  const spelt = words.join(' ');
  let best: { author: NamedAuthor; extra: number } | undefined;
  for (const data of results) {
    let pages: [string, string][];
    try {
      pages = JSON.parse(data.meta['author_pages'] ?? '[]') as [string, string][];
    } catch {
      continue;
    }
    for (const [name, href] of pages) {
      const nameWords = plainWords(name);
      if (nameWords.join(' ') === spelt) return { name, href };
      if (!words.every((word) => nameWords.includes(word))) continue;
      // Words counted with their repeats: for "Li", Li Li has a word more, as Li Wang has, and is no exact match.
      const extra = nameWords.length - words.length;
      if (!best || extra < best.extra) best = { author: { name, href }, extra };
    }
  }
  return best?.author;
}

/** A name's words as author pages compare spellings (`authorKey`: no accents, lower case, hyphens as spaces). */
function plainWords(text: string): string[] {
  return authorKey(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}
