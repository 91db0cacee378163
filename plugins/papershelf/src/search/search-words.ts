import type { Paper } from '../paper/paper.ts';
import { foldLatin } from '../text/latin-fold.ts';
import { formulaSearchWords } from './formula-words.ts';
import { texToPlainText } from '../markdown/tex-segments.ts';

/**
 * Words a paper page gives the search index beyond what it shows, in hidden
 * elements beside what they stand for, so each weighs as its part of the
 * page does: the title's formulas as keys (a formula found in a title ranks
 * with the title), the authors' names in plain Latin letters (`Søren` found
 * by `Soren`), and the abstract's formulas as keys. Empty when a part needs none.
 */
export interface PaperSearchWords {
  title: string;
  authors: string;
  abstract: string;
}

export function paperSearchWords(paper: Paper): PaperSearchWords {
  const folded = paper.data.authors.map(foldLatin).filter((name, i) => name !== paper.data.authors[i]);
  return {
    title: formulaSearchWords(texToPlainText(paper.data.title)).join(' '),
    authors: folded.join(', '),
    abstract: formulaSearchWords(paper.abstract).join(' '),
  };
}
