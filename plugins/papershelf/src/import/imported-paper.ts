/** A paper read from an outside source, before it becomes a file. Text fields are plain text. */
export interface ImportedPaper {
  title: string;
  /** The abstract as plain text; formulas in `$…$` or `\(…\)` stay formulas. */
  abstract: string;
  date: string;
  authors?: string[];
  published?: string;
  arxiv?: string;
  category?: string;
  doi?: string;
  venue?: string;
  journalRef?: string;
  comment?: string;
  url?: string;
  pdf?: string;
  code?: string;
  projectPage?: string;
  organization?: string;
  /** A one-line summary; never the abstract. */
  summary?: string;
  /** The day the paper was withdrawn, YYYY-MM-DD. */
  withdrawn?: string;
  tags?: string[];
  /** The source's own keywords; they become `tags` only through the vocabulary (`keywordTags`), never as written. */
  keywords?: string[];
  upvotes?: number;
  rank?: number;
  /** Where the record came from, for messages: `file:line`. */
  source: string;
}
