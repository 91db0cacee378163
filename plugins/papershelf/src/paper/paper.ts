import type { PaperData } from '../content/paper-schema.ts';
import type { PaperTag } from '../taxonomy/build-taxonomy.ts';

/** A link shown with a paper: arXiv, PDF, HTML, Hugging Face, DOI, code, project page, its own page, or a search for it. */
export interface PaperLink {
  /** Short visible label, e.g. `arXiv`, `PDF`, `Code`. */
  label: string;
  href: string;
  /** What the link is, for styling and tests. */
  kind: 'arxiv' | 'pdf' | 'html' | 'hf' | 'doi' | 'code' | 'project' | 'url' | 'find';
}

/** What the archive model needs of one collection entry. */
export interface PaperInput {
  /** The entry id (the file name without extension). */
  id: string;
  /** The file, relative to the site root. */
  filePath: string;
  /** The Markdown body as written. */
  body: string;
  data: PaperData;
  /** The line of the `title` field, for the mark of a formula in it that fails; asked only then. */
  titleLine?: (() => number | undefined) | undefined;
}

/** A paper as every page reads it: computed once per build. */
export interface Paper {
  slug: string;
  filePath: string;
  data: PaperData;
  /** The title as HTML: escaped text, formulas rendered by KaTeX. */
  titleHtml: string;
  /** The title as text, formulas as readable text (`O(n²)`, see readable-tex.ts): for `<title>`, meta tags, feeds, search. */
  titleText: string;
  /** The first sentences of the abstract as HTML, formulas rendered. */
  snippetHtml: string;
  /** The abstract's first sentence as plain text, formulas as readable text: for meta descriptions and link previews. */
  description: string;
  /** The whole abstract as plain text, formulas kept with their delimiters (`\(x\)`): for feeds, exports, citations. */
  abstract: string;
  /**
   * When the paper itself appeared: its `published` day, else the month of its
   * first arXiv version (`YYYY-MM`, from the id); undefined when neither is known.
   * Never the day it joined the archive (`data.date`), which says nothing of its age.
   */
  published: string | undefined;
  links: PaperLink[];
  /** Its tags: from its file, from rules, and their parents (see `PaperTag.source`). */
  tags: PaperTag[];
}
