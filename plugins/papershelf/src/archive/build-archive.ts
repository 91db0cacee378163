import type { Paper, PaperInput } from './paper.ts';
import { paperLinks } from './paper-links.ts';
import { abstractSnippet } from './abstract-snippet.ts';
import { renderInlineTex } from '../markdown/render-inline-tex.ts';
import { texToPlainText } from '../markdown/tex-segments.ts';
import type { KatexMacros } from '../markdown/katex-options.ts';
import { abstractText } from './abstract-text.ts';
import type { TagDefinition } from '../taxonomy/parse-vocabulary.ts';
import { compileVocabulary } from '../taxonomy/compile-vocabulary.ts';
import { buildTaxonomy, type Tag, type Taxonomy } from '../taxonomy/build-taxonomy.ts';
import { formatTaxonomyReport, taxonomyProblems, taxonomyProblemsHint } from '../taxonomy/taxonomy-messages.ts';

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
  taxonomy: Taxonomy;
  /** A tag's papers (its own and its descendants'), newest first. */
  papersOfTag(id: string): Paper[];
  /** The taxonomy report, one line each, for the build's log. */
  taxonomyReport: string[];
}

/** Options of `buildArchive`. */
export interface ArchiveOptions {
  macros?: KatexMacros | undefined;
  /** The tag vocabulary's tags (none: free tags) and its file, for messages. */
  vocabulary?: { file: string; definitions: readonly TagDefinition[] | undefined } | undefined;
  /** Accept tags the vocabulary does not list. */
  freeTags?: boolean | undefined;
}

/** The archive cannot be built from these papers: every problem, one line each. */
export class ArchiveError extends Error {
  readonly hint: string;
  constructor(lines: readonly string[], hint: string) {
    super(lines.join('\n'));
    this.name = 'ArchiveError';
    this.hint = hint;
  }
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
  const bySlug = new Map(papers.map((p) => [p.slug, p]));
  const taxonomy = tagPapers(papers, inputs, options);
  const papersOfTag = new Map([...taxonomy.papersOf].map(([id, slugs]) => [id, slugs.map((slug) => bySlug.get(slug)!)]));
  return {
    papers,
    bySlug,
    days,
    latestDay: days[0],
    taxonomy,
    papersOfTag: (id) => papersOfTag.get(id) ?? [],
    taxonomyReport: formatTaxonomyReport(taxonomy, taxonomy.report),
  };
}

/** Builds the taxonomy over the papers (newest first) and gives each paper its tags. */
function tagPapers(papers: Paper[], inputs: readonly PaperInput[], options: ArchiveOptions): Taxonomy {
  const file = options.vocabulary?.file ?? 'the tag vocabulary';
  const definitions = options.vocabulary?.definitions;
  const vocabulary = definitions ? compileVocabulary(definitions, file) : undefined;
  const bodies = new Map(inputs.map((input) => [input.id, input.body]));
  const taxonomy = buildTaxonomy(
    vocabulary,
    papers.map((p) => ({ slug: p.slug, file: p.filePath, tags: p.data.tags, text: `${p.titleText}\n${abstractText(bodies.get(p.slug) ?? '')}` })),
    { freeTags: options.freeTags === true },
  );
  const problems = taxonomyProblems(taxonomy, file);
  if (problems.length > 0) throw new ArchiveError(problems, taxonomyProblemsHint);
  for (const paper of papers) paper.tags = taxonomy.paperTags.get(paper.slug) ?? [];
  return taxonomy;
}

export type { Tag, Taxonomy };

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
    tags: [],
  };
}
