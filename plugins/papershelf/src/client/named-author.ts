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
 * paper-search-fields.ts). The name with the fewest words besides the
 * query's wins, then the earlier result: "Łukasz Kaiser" is Łukasz Kaiser,
 * not a Łukasz Kaiser-Lomi who comes first in the results.
 */
export function namedAuthor(query: string, results: readonly PagefindResultData[]): NamedAuthor | undefined {
  const words = plainWords(query);
  if (words.length === 0) return undefined;
  let best: { author: NamedAuthor; extra: number } | undefined;
  for (const data of results) {
    let pages: [string, string][];
    try {
      pages = JSON.parse(data.meta['author_pages'] ?? '[]') as [string, string][];
    } catch {
      continue;
    }
    for (const [name, href] of pages) {
      const nameWords = new Set(plainWords(name));
      if (!words.every((word) => nameWords.has(word))) continue;
      const extra = nameWords.size - new Set(words).size;
      if (!best || extra < best.extra) best = { author: { name, href }, extra };
      if (extra === 0) return best.author;
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
