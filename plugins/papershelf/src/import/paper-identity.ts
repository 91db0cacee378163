import { arxivBaseId } from '../content/arxiv-id.ts';
import { texToPlainText } from '../markdown/tex-segments.ts';

/** What makes two records the same paper: arXiv id (any version), DOI, or title. */
export interface PaperIdentity {
  arxiv?: string | undefined;
  doi?: string | undefined;
  title: string;
}

/** The keys a paper is known by; two papers sharing any key are the same paper. */
export function identityKeys(paper: PaperIdentity): string[] {
  const keys = [`title:${normalisedTitle(paper.title)}`];
  if (paper.arxiv) keys.push(`arxiv:${arxivBaseId(paper.arxiv).toLowerCase()}`);
  if (paper.doi) keys.push(`doi:${paper.doi.trim().toLowerCase()}`);
  return keys;
}

/** A title folded for comparison: NFKC, case-folded, formulas as TeX, punctuation and spacing ignored. */
export function normalisedTitle(title: string): string {
  return texToPlainText(title)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
