import type { Paper } from '../paper/paper.ts';
import type { PaperTag, Tag } from '../taxonomy/build-taxonomy.ts';

/** A paper as the archive's data files (a month's `papers.json`) carry it: every frontmatter field, its tags with their source, the abstract. */
export interface PaperRecord {
  slug: string;
  /** The paper's page on this site, absolute when the site has a `site` URL. */
  page: string;
  title: string;
  authors: string[];
  date: string;
  tags: (PaperTag & { label: string })[];
  /** Plain text, formulas kept with their delimiters. */
  abstract: string;
  [field: string]: unknown;
}

/**
 * The export record of a paper. Frontmatter fields keep their names and
 * values (a site's own fields too); `tags` becomes the paper's full tag
 * list with each tag's source; `draft` is left out (drafts are not built).
 */
export function paperRecord(paper: Paper, tagsById: ReadonlyMap<string, Tag>, page: string): PaperRecord {
  const { tags: _written, draft: _draft, ...fields } = paper.data as typeof paper.data & Record<string, unknown>;
  return {
    slug: paper.slug,
    page,
    ...fields,
    tags: paper.tags.map((t) => ({ ...t, label: tagsById.get(t.id)?.label ?? t.id })),
    abstract: paper.abstract,
  };
}
