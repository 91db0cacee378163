import { arxivBaseId, stripDoiResolver } from '../content/arxiv-id.ts';
import { texToPlainText } from '../markdown/tex-segments.ts';

/** What makes two records the same paper: arXiv id (any version), DOI, or title. */
export interface PaperIdentity {
  arxiv?: string | undefined;
  doi?: string | undefined;
  title: string;
}

/** The keys a paper is known by; two papers sharing a key are the same paper unless `namesAnotherWork` says otherwise. */
export function identityKeys(paper: PaperIdentity): string[] {
  const keys = [`title:${normalisedTitle(paper.title)}`];
  if (paper.arxiv) keys.push(`arxiv:${arxivKey(paper.arxiv)}`);
  if (paper.doi) keys.push(`doi:${doiKey(paper.doi)}`);
  return keys;
}

/**
 * Whether two records that share `key` are still two works: a DOI or title
 * match is not the same paper when both name different arXiv ids, and a title
 * match is not when both name different DOIs (two works may share a title,
 * "Deep Learning" the article and the book). A record that names an id its
 * match lacks is the same paper, and adds the id to its file.
 */
export function namesAnotherWork(key: string, a: PaperIdentity, b: PaperIdentity): boolean {
  if (a.arxiv && b.arxiv && arxivKey(a.arxiv) !== arxivKey(b.arxiv)) return true;
  return key.startsWith('title:') && !!a.doi && !!b.doi && doiKey(a.doi) !== doiKey(b.doi);
}

/** A title folded for comparison: NFKC, case-folded, formulas as TeX, punctuation and spacing ignored. */
export function normalisedTitle(title: string): string {
  return texToPlainText(title)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function arxivKey(id: string): string {
  return arxivBaseId(id).toLowerCase();
}

/** DOIs are case-insensitive, and a file may give one with its resolver (`https://doi.org/…`), as the schema allows. */
function doiKey(doi: string): string {
  return stripDoiResolver(doi.trim()).toLowerCase();
}
