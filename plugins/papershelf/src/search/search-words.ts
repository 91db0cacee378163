import type { Paper } from '../paper/paper.ts';
import { foldLatin, foldSpecialLetters } from '../text/latin-fold.ts';
import { formulaSearchWords } from './formula-words.ts';
import { texToPlainText } from '../markdown/tex-segments.ts';

/**
 * Words a paper page gives the search index beyond what it shows, in hidden
 * elements beside what they stand for, so each weighs as its part of the
 * page does: the title's formulas as keys (a formula found in a title ranks
 * with the title), the authors' names in plain Latin letters (`Søren` found
 * by `Soren`), and the abstract's formulas as keys. Words of the title and
 * abstract with a letter Pagefind does not fold (`Łódź`) are given in Latin
 * letters too, as the search page folds a query's. Empty when a part needs none.
 */
export interface PaperSearchWords {
  title: string;
  authors: string;
  abstract: string;
}

export function paperSearchWords(paper: Paper): PaperSearchWords {
  const folded = paper.data.authors.map(foldLatin).filter((name, i) => name !== paper.data.authors[i]);
  const title = texToPlainText(paper.data.title);
  return {
    title: [...formulaSearchWords(title), ...specialLetterWords(title)].join(' '),
    authors: folded.join(', '),
    abstract: [...formulaSearchWords(paper.abstract), ...specialLetterWords(paper.abstract)].join(' '),
  };
}

/** The words of a text with a letter Unicode does not decompose (`Łódź`, `Ørsted`), in Latin letters (`Lódz`, `Orsted`). */
function specialLetterWords(text: string): string[] {
  // Most texts have none of those letters: the quick test spares the word pattern, which is slow to scan a text with.
  if (!specialLetter.test(text)) return [];
  return [...new Set(text.match(/[\p{L}\p{N}]*[łŁøØæÆœŒßđĐþÞı][\p{L}\p{N}]*/gu) ?? [])].map(foldSpecialLetters);
}

const specialLetter = /[łŁøØæÆœŒßđĐþÞı]/;
