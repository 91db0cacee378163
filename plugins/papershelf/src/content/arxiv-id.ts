/**
 * New-style (`2006.04768`, `2006.04768v3`) or old-style (`math/0211159`, `math.GT/0309136v2`) arXiv ids.
 * New-style ids have a real month and, as arXiv numbers them, four digits from April 2007 to December 2014
 * and five from January 2015: `2508.1234` is a digit short, `2513.12345` has no month.
 */
export const arxivIdPattern =
  /^(?:(?:0[7-9]|1[0-4])(?:0[1-9]|1[0-2])\.\d{4}|(?:1[5-9]|[2-9]\d)(?:0[1-9]|1[0-2])\.\d{5}|[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?\/\d{7})(?:v[1-9]\d*)?$/;

/**
 * The id without its version or an old-style subject class, which is what makes two ids the same
 * paper: `2006.04768v3` is `2006.04768`, and `math.GT/0309136` is `math/0309136`.
 */
export function arxivBaseId(id: string): string {
  return id
    .trim()
    .replace(/v\d+$/, '')
    .replace(/^([a-z-]+)\.[A-Z]{2}\//, '$1/');
}

/** Finds an arXiv id in a URL or string such as `arXiv:2006.04768v3` or `https://arxiv.org/abs/math/0211159`. */
export function parseArxivId(text: string): string | undefined {
  const cleaned = text.trim().replace(/^arxiv:\s*/i, '').replace(/^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\//i, '').replace(/\.pdf$/i, '');
  return arxivIdPattern.test(cleaned) ? cleaned : undefined;
}

/** An arXiv primary category: `cs.CL`, `math.DG`, `hep-th`. */
export const arxivCategoryPattern = /^[a-z-]+(?:\.[A-Za-z-]+)?$/;

/** A DOI without the resolver or prefix people paste with it: `https://doi.org/10.1/x`, `doi.org/10.1/x` and `doi:10.1/x` → `10.1/x`. */
export function stripDoiResolver(value: string): string {
  return value.replace(/^(?:(?:https?:\/\/)?(?:www\.)?(?:dx\.)?doi\.org\/|doi:\s*)/i, '');
}

/** The arXiv id of arXiv's own DOI, `10.48550/arXiv.<id>` (with or without its resolver). */
export function arxivIdOfDoi(doi: string | undefined): string | undefined {
  return doi ? parseArxivId(/^10\.48550\/arxiv\.(.+)$/i.exec(stripDoiResolver(doi.trim()))?.[1] ?? '') : undefined;
}

/**
 * The month arXiv first received a paper, read from its id (`2404.15574` → `2024-04`,
 * `math/0211159` → `2002-11`): the paper's own date when its file gives none.
 * arXiv began in August 1991, so two-digit years from 91 are 19xx.
 */
export function arxivMonth(id: string): string | undefined {
  const match = /^(\d{2})(\d{2})\.\d{4,5}|\/(\d{2})(\d{2})\d{3}/.exec(arxivBaseId(id));
  if (!match) return undefined;
  const yy = Number(match[1] ?? match[3]);
  const month = match[2] ?? match[4]!;
  if (Number(month) < 1 || Number(month) > 12) return undefined;
  return `${yy >= 91 ? 1900 + yy : 2000 + yy}-${month}`;
}
