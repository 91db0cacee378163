import { arxivBaseId } from '../content/arxiv-id.ts';
import type { Paper } from '../paper/paper.ts';

/** One address `/arxiv/<id>/` and the paper it leads to. */
export interface ArxivRedirect {
  /** The id as it appears in the address: `2006.04768`, `2006.04768v2`, `math/0211159`. */
  id: string;
  slug: string;
}

/**
 * Every address by arXiv id that leads to a paper: the id without version,
 * and each version up to the one the paper records (`v1`…`v3` for
 * `2006.04768v3`), so links by id survive a renamed file.
 */
export function arxivRedirects(papers: readonly Paper[]): ArxivRedirect[] {
  return papers.flatMap((paper) => {
    const id = paper.data.arxiv;
    if (!id) return [];
    const base = arxivBaseId(id);
    const versions = Number(/v(\d+)$/.exec(id)?.[1] ?? 0);
    return [base, ...Array.from({ length: versions }, (_, i) => `${base}v${i + 1}`)].map((form) => ({ id: form, slug: paper.slug }));
  });
}
