import type { PaperData } from '../content/paper-schema.ts';
import { arxivBaseId } from '../content/arxiv-id.ts';
import type { PaperLink } from '../paper/paper.ts';

/** The links a paper has, in a fixed order; absent fields give no link (and so no empty label). */
export function paperLinks(data: PaperData): PaperLink[] {
  const links: PaperLink[] = [];
  if (data.arxiv) links.push({ kind: 'arxiv', label: 'arXiv', href: `https://arxiv.org/abs/${data.arxiv}` });
  const pdf = data.pdf ?? (data.arxiv ? `https://arxiv.org/pdf/${data.arxiv}` : undefined);
  if (pdf) links.push({ kind: 'pdf', label: 'PDF', href: pdf });
  if (data.code) links.push({ kind: 'code', label: 'Code', href: data.code });
  if (data.doi) links.push({ kind: 'doi', label: 'DOI', href: `https://doi.org/${data.doi}` });
  const arxivPage = data.arxiv ? `https://arxiv.org/abs/${arxivBaseId(data.arxiv)}` : undefined;
  if (data.url && data.url !== arxivPage && data.url !== links[0]?.href) links.push({ kind: 'url', label: 'Paper', href: data.url });
  return links;
}
