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
  /** With each tag's label in a paper's own file; a month's file names each label once, in its `tagLabels`. */
  tags: (PaperTag & { label?: string })[];
  /** Plain text, formulas kept with their delimiters. */
  abstract: string;
  [field: string]: unknown;
}

/**
 * The export record of a paper. Frontmatter fields keep their names and
 * values (a site's own fields too); `tags` becomes the paper's full tag
 * list with each tag's source, and its label when `tagsById` is given;
 * `draft` is left out (drafts are not built).
 */
export function paperRecord(paper: Paper, page: string, tagsById?: ReadonlyMap<string, Tag>): PaperRecord {
  const { tags: _written, draft: _draft, ...fields } = paper.data as typeof paper.data & Record<string, unknown>;
  return {
    slug: paper.slug,
    page,
    ...fields,
    tags: tagsById ? paper.tags.map((t) => ({ ...t, label: tagsById.get(t.id)?.label ?? t.id })) : paper.tags,
    abstract: paper.abstract,
  };
}
