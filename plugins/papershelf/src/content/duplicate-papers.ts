import { arxivBaseId } from './arxiv-id.ts';

/** Files that hold the same arXiv paper, whatever version each names. */
export interface DuplicatePaper {
  arxiv: string;
  files: string[];
}

/** Groups papers by arXiv id without version and returns the groups of two or more. */
export function findDuplicatePapers(papers: Iterable<{ file: string; arxiv: unknown }>): DuplicatePaper[] {
  const byId = new Map<string, string[]>();
  for (const paper of papers) {
    if (typeof paper.arxiv !== 'string' || paper.arxiv === '') continue;
    const id = arxivBaseId(paper.arxiv);
    byId.set(id, [...(byId.get(id) ?? []), paper.file]);
  }
  return [...byId]
    .filter(([, files]) => files.length > 1)
    .map(([arxiv, files]) => ({ arxiv, files: files.sort() }))
    .sort((a, b) => a.arxiv.localeCompare(b.arxiv));
}
