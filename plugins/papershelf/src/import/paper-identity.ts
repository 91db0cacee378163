import { arxivBaseId, arxivIdOfDoi, stripDoiResolver } from '../content/arxiv-id.ts';
import { texToPlainText } from '../markdown/tex-segments.ts';
import { foldLatin } from '../text/latin-fold.ts';

/** What makes two records the same paper: arXiv id (any version), DOI, or title (with its first author and abstract). */
export interface PaperIdentity {
  arxiv?: string | undefined;
  doi?: string | undefined;
  title: string;
  authors?: readonly string[] | undefined;
  /** The abstract (a file's body): two works of one title, neither with ids or authors, differ there. */
  abstract?: string | undefined;
}

/** The keys a paper is known by; two papers sharing a key are the same paper unless `namesAnotherWork` says otherwise. */
export function identityKeys(paper: PaperIdentity): string[] {
  const keys = [`title:${normalisedTitle(paper.title)}`];
  // arXiv's own DOI (`10.48550/arXiv.1706.03762`) names the arXiv paper.
  const arxiv = paper.arxiv ?? arxivIdOfDoi(paper.doi);
  if (arxiv) keys.push(`arxiv:${arxivKey(arxiv)}`);
  if (paper.doi) keys.push(`doi:${doiKey(paper.doi)}`);
  return keys;
}

/**
 * Whether two records that share `key` are still two works: a DOI or title
 * match is not the same paper when both name different arXiv ids, and a title
 * match is not when both name different DOIs, or both name authors and their
 * first authors differ (two works may share a title: "Deep Learning", the
 * article by LeCun and the book by Goodfellow). A record that names an id its
 * match lacks is the same paper, and adds the id to its file.
 */
export function namesAnotherWork(key: string, a: PaperIdentity, b: PaperIdentity): boolean {
  if (a.arxiv && b.arxiv && arxivKey(a.arxiv) !== arxivKey(b.arxiv)) return true;
  if (!key.startsWith('title:')) return false;
  if (a.doi && b.doi && doiKey(a.doi) !== doiKey(b.doi)) return true;
  const [first, other] = [a.authors?.[0], b.authors?.[0]];
  if (first !== undefined && other !== undefined && surname(first) !== surname(other)) return true;
  return abstractsDiffer(a.abstract, b.abstract);
}

/**
 * Whether two abstracts are of two works: each has 20 words or more and
 * fewer than half the words of the shorter are in the other. A revised
 * abstract of the same paper (a v2) keeps most of its words.
 */
function abstractsDiffer(a: string | undefined, b: string | undefined): boolean {
  const words = (text: string | undefined) =>
    new Set(
      foldLatin(text ?? '')
        .toLowerCase()
        .match(/[a-z0-9]+/g) ?? [],
    );
  const [one, two] = [words(a), words(b)];
  if (one.size < 20 || two.size < 20) return false;
  const [shorter, longer] = one.size <= two.size ? [one, two] : [two, one];
  let shared = 0;
  for (const word of shorter) if (longer.has(word)) shared++;
  return shared < shorter.size / 2;
}

/**
 * A name's surname, folded: "Yann LeCun", "LeCun, Yann" and "Y. Lecun" are
 * `lecun`; a generational suffix or a homonym number after it is not the
 * surname ("Martin King Jr.", "King, Jr., Martin", DBLP's "Wei Li 0001").
 */
function surname(name: string): string {
  const words = name.includes(',') ? [name.split(',')[0]!] : name.trim().split(/\s+/);
  while (words.length > 1 && nameSuffix.test(words.at(-1)!)) words.pop();
  return foldLatin(words.at(-1)!)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const nameSuffix = /^(?:jr\.?|sr\.?|ii|iii|iv|\d+),?$/i;

/**
 * A title folded for comparison: NFKC, case-folded, formulas as TeX, punctuation and spacing ignored. A scraped
 * page's formula has lost its backslashes (`Oleft(n log nright)` for `$O\left(n \log n\right)$`): TeX's
 * delimiter sizes go, so the two fold alike.
 */
export function normalisedTitle(title: string): string {
  return texToPlainText(title)
    .replace(/\\(?:left|right|[bB]ig{1,2}[lr]?)(?=[()[\]|.]|\\[{}|])|(?:left|right)(?=[()[\]|])/g, ' ')
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
