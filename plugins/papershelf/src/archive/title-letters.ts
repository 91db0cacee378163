import type { Paper } from '../paper/paper.ts';
import { listingPageSize } from './pages.ts';

/** A letter of the index of titles, and the page of the index its first title is on. */
export interface TitleLetter {
  letter: string;
  page: number;
}

/** The letter a title is filed under: its first letter without accents, `A`–`Z`, else `#` (a digit, a symbol, a formula). */
export function titleLetter(title: string): string {
  // `ß` upper-cases to `SS`: its first letter.
  const first = title.normalize('NFD')[0]?.toUpperCase()[0] ?? '';
  return /^[A-Z]$/.test(first) ? first : '#';
}

/**
 * The letters the titles of the index (sorted by title) start with, each
 * with the page its first title is on, in the index's order: at 10,000
 * papers the index is 200 pages, and a reader looking for a title jumps to
 * its letter's page rather than paging through.
 */
export function titleLetters(byTitle: readonly Paper[], size = listingPageSize): TitleLetter[] {
  const letters = new Map<string, number>();
  byTitle.forEach((paper, index) => {
    const letter = titleLetter(paper.titleText);
    if (!letters.has(letter)) letters.set(letter, Math.floor(index / size) + 1);
  });
  return [...letters].map(([letter, page]) => ({ letter, page }));
}
