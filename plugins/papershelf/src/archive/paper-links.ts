import type { PaperData } from '../content/paper-schema.ts';
import { arxivBaseId, arxivMonth } from '../content/arxiv-id.ts';
import type { PaperLink } from '../paper/paper.ts';

// arXiv publishes its own HTML rendering of papers submitted since December 2023; ar5iv renders the older ones.
const arxivHtmlSince = '2023-12';

/**
 * The links that lead a reader to the paper, in a fixed order: arXiv's
 * abstract page, the PDF, an HTML version and Hugging Face's paper page (with
 * an arXiv id; Hugging Face's for new-style ids only), the DOI, code, the project page, the paper's own page. With
 * neither an arXiv id nor a DOI, a link that searches arXiv for the title.
 * Absent fields give no link. Links only: nothing is fetched at build time,
 * and a reader's browser asks nothing of these sites until they click.
 */
export function paperLinks(data: PaperData, titleText: string = data.title): PaperLink[] {
  const links: PaperLink[] = [];
  const arxivPage = data.arxiv ? `https://arxiv.org/abs/${arxivBaseId(data.arxiv)}` : undefined;
  if (data.arxiv) links.push({ kind: 'arxiv', label: 'arXiv', href: `https://arxiv.org/abs/${data.arxiv}` });
  const pdf = data.pdf ?? (data.arxiv ? `https://arxiv.org/pdf/${data.arxiv}` : undefined);
  if (pdf) links.push({ kind: 'pdf', label: 'PDF', href: pdf });
  if (data.arxiv) {
    const month = arxivMonth(data.arxiv);
    const html =
      month !== undefined && month >= arxivHtmlSince
        ? `https://arxiv.org/html/${data.arxiv}`
        : `https://ar5iv.labs.arxiv.org/html/${arxivBaseId(data.arxiv)}`;
    links.push({ kind: 'html', label: 'HTML', href: html });
    // Hugging Face's paper pages exist for new-style ids (2006.04768), not for old ones (hep-th/9901001).
    if (/^\d{4}\.\d{4,5}/.test(data.arxiv))
      links.push({ kind: 'hf', label: 'Hugging Face', href: `https://huggingface.co/papers/${arxivBaseId(data.arxiv)}` });
  }
  if (data.doi) links.push({ kind: 'doi', label: 'DOI', href: `https://doi.org/${data.doi}` });
  if (data.code) links.push({ kind: 'code', label: 'Code', href: data.code });
  if (data.projectPage) links.push({ kind: 'project', label: 'Project page', href: data.projectPage });
  if (data.url && data.url !== arxivPage && data.url !== links[0]?.href) links.push({ kind: 'url', label: 'Paper', href: data.url });
  if (!data.arxiv && !data.doi) {
    const query = new URLSearchParams({ query: titleText, searchtype: 'title' });
    links.push({ kind: 'find', label: 'Find on arXiv', href: `https://arxiv.org/search/?${query}` });
  }
  return links;
}

/** The links a paper card shows: those to the paper itself, its code and project page, not every rendering of it. */
export const cardLinkKinds: ReadonlySet<PaperLink['kind']> = new Set(['arxiv', 'pdf', 'doi', 'code', 'project', 'url']);
