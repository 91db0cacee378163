import type { Paper, PaperInput } from './paper.ts';
import { paperLinks } from './paper-links.ts';
import { abstractSnippet } from './abstract-snippet.ts';
import { renderInlineTex } from '../markdown/render-inline-tex.ts';
import { texToPlainText } from '../markdown/tex-segments.ts';
import type { KatexMacros } from '../markdown/katex-options.ts';

/** The papers of one day, in the day's order. */
export interface ArchiveDay {
  date: string;
  papers: Paper[];
}

/** Everything pages read about the archive, computed once per build. */
export interface Archive {
  /** Every paper, newest first (by `date`, then the day's order). */
  papers: Paper[];
  bySlug: ReadonlyMap<string, Paper>;
  /** Days with papers, newest first. */
  days: ArchiveDay[];
  /** The newest day, or undefined for an empty archive. */
  latestDay: ArchiveDay | undefined;
}

/** Options of `buildArchive`. */
export interface ArchiveOptions {
  macros?: KatexMacros;
}

/** Builds the archive model from the collection's entries. Pure: no files, no Astro. */
export function buildArchive(inputs: readonly PaperInput[], options: ArchiveOptions = {}): Archive {
  const papers = inputs.filter((input) => !input.data.draft).map((input) => toPaper(input, options)).sort(compareNewestFirst);
  const days: ArchiveDay[] = [];
  for (const paper of papers) {
    const last = days.at(-1);
    if (last && last.date === paper.data.date) last.papers.push(paper);
    else days.push({ date: paper.data.date, papers: [paper] });
  }
  return { papers, bySlug: new Map(papers.map((p) => [p.slug, p])), days, latestDay: days[0] };
}

/**
 * A day's order: `rank` when present (the source listing's order), else
 * most upvotes, else title; ranked papers come before unranked ones.
 */
export function compareWithinDay(a: Paper, b: Paper): number {
  const rank = (a.data.rank ?? Infinity) - (b.data.rank ?? Infinity);
  if (rank !== 0 && !Number.isNaN(rank)) return rank;
  const upvotes = (b.data.upvotes ?? -1) - (a.data.upvotes ?? -1);
  if (upvotes !== 0) return upvotes;
  return a.titleText.localeCompare(b.titleText) || a.slug.localeCompare(b.slug);
}

function compareNewestFirst(a: Paper, b: Paper): number {
  return b.data.date.localeCompare(a.data.date) || compareWithinDay(a, b);
}

function toPaper(input: PaperInput, options: ArchiveOptions): Paper {
  const source = { file: input.filePath };
  return {
    slug: input.id,
    filePath: input.filePath,
    data: input.data,
    titleHtml: renderInlineTex(input.data.title, options.macros, source),
    titleText: texToPlainText(input.data.title),
    snippetHtml: renderInlineTex(abstractSnippet(input.body), options.macros),
    description: texToPlainText(abstractSnippet(input.body, 200)),
    publishedDate: input.data.published ?? input.data.date,
    links: paperLinks(input.data),
  };
}
