import type { Paper, PaperInput } from '../paper/paper.ts';
import { paperLinks } from './paper-links.ts';
import { abstractSnippet } from './abstract-snippet.ts';
import { renderInlineTex } from '../markdown/render-inline-tex.ts';
import { texToPlainText } from '../markdown/tex-segments.ts';
import { texToReadableText } from '../text/readable-tex.ts';
import type { KatexMacros } from '../markdown/katex-options.ts';
import { abstractParagraphs, abstractText } from './abstract-text.ts';
import { firstSentence } from './first-sentence.ts';
import { groupDays, groupMonths, groupWeeks, type ArchiveDay, type ArchivePeriod } from './periods.ts';
import { arxivRedirects, type ArxivRedirect } from './arxiv-redirects.ts';
import { arxivMonth } from '../content/arxiv-id.ts';
import { citationKeys } from '../scholar/citation-keys.ts';
import { relatedPapers, type RelatedInput, type RelatedPaper } from '../related/related-papers.ts';
import { authorKey, collectAuthors, type Author } from './authors.ts';
import type { TagDefinition } from '../taxonomy/parse-vocabulary.ts';
import { compileVocabulary } from '../taxonomy/compile-vocabulary.ts';
import { buildTaxonomy, ruleMatchesIn, type Tag, type Taxonomy } from '../taxonomy/build-taxonomy.ts';
import { cacheKeyOf } from './cache-key.ts';
import type { PaperMemo } from './paper-memo.ts';
import { formatTaxonomyReport, taxonomyProblems, taxonomyProblemsHint } from '../taxonomy/taxonomy-messages.ts';

/** Everything pages read about the archive, computed once per build. */
export interface Archive {
  /** Every paper, newest first (by `date`, then the day's order). */
  papers: Paper[];
  bySlug: ReadonlyMap<string, Paper>;
  /** Days with papers, newest first. */
  days: ArchiveDay[];
  /** The newest day, or undefined for an empty archive. */
  latestDay: ArchiveDay | undefined;
  /** ISO weeks with papers, newest first (`2025-W35`). */
  weeks: ArchivePeriod[];
  /** Months with papers, newest first (`2025-08`). */
  months: ArchivePeriod[];
  /** Every paper by title (A–Z, numbers in order), for the index's other order. */
  papersByTitle: Paper[];
  /** Position of each day (by date) in `days`, for its older and newer neighbours. */
  dayIndex: ReadonlyMap<string, number>;
  /** Position of each paper (by slug) in its day's papers, for the previous and next paper of the day. */
  positionInDay: ReadonlyMap<string, number>;
  /** Up to five related papers of each paper (by slug), most similar first, with the terms they share. */
  related: ReadonlyMap<string, RelatedPaper[]>;
  /** Every author, A–Z by surname; empty when no paper names authors. */
  authors: Author[];
  /** The author a name as written belongs to (spellings that differ in accents, case or spacing are one). */
  authorOf(name: string): Author | undefined;
  /** Each paper's BibTeX key (by slug), unique in the archive and stable as papers arrive. */
  citationKeys: ReadonlyMap<string, string>;
  /** The addresses `/arxiv/<id>/` that lead to a paper: every form of each paper's arXiv id. */
  arxivRedirects: ArxivRedirect[];
  taxonomy: Taxonomy;
  /** A tag's papers (its own and its descendants'), newest first. One list shared by every caller: copy it to sort it. */
  papersOfTag(id: string): readonly Paper[];
  /**
   * The papers filed under a tag itself (by their file or a rule), newest
   * first; not those that reach it only through a narrower tag. What a tag's
   * BibTeX file holds, so no paper is repeated under every broader tag.
   * Worked out once per tag and shared by every caller: copy it to sort it.
   */
  papersFiledUnder(id: string): readonly Paper[];
  /** The taxonomy report, one line each, for the build's log. */
  taxonomyReport: string[];
}

/** Works out related papers: `relatedPapers`, or one that reuses an earlier result (see related-cache.ts). */
export type ComputeRelated = (inputs: readonly RelatedInput[]) => Map<string, RelatedPaper[]>;

/** Options of `buildArchive`. */
export interface ArchiveOptions {
  macros?: KatexMacros | undefined;
  /** The tag vocabulary's tags (none: free tags) and its file, for messages. */
  vocabulary?: { file: string; definitions: readonly TagDefinition[] | undefined } | undefined;
  /** Accept tags the vocabulary does not list. */
  freeTags?: boolean | undefined;
  /** Compute related papers (default true). */
  related?: boolean | undefined;
  /** Papers an author needs for a page of their own (default 2; see `Author.hasPage`). */
  authorPageMinPapers?: number | undefined;
  /** How related papers are computed (default `relatedPapers`). */
  computeRelated?: ComputeRelated | undefined;
  /** Keeps what is worked out from each paper's own text between builds (see paper-memo.ts); without it, all is worked out. */
  memo?: PaperMemo | undefined;
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
  const macros = JSON.stringify(options.macros ?? {});
  const papers = inputs
    .filter((input) => !input.data.draft)
    .map((input) => toPaper(input, options, macros))
    .sort(compareNewestFirst);
  const days = groupDays(papers);
  const authors = collectAuthors(papers, options.authorPageMinPapers);
  const authorsByKey = new Map(authors.map((author) => [author.key, author]));
  const bySlug = new Map(papers.map((p) => [p.slug, p]));
  const taxonomy = tagPapers(papers, options);
  const papersOfTag = new Map([...taxonomy.papersOf].map(([id, slugs]) => [id, slugs.map((slug) => bySlug.get(slug)!)]));
  // Both are asked for again and again (every card's authors, every page of a tag): each answer is worked out once.
  const authorOfName = new Map<string, Author | undefined>();
  const filedUnder = new Map<string, Paper[]>();
  return {
    papers,
    bySlug,
    days,
    latestDay: days[0],
    weeks: groupWeeks(days),
    months: groupMonths(days),
    papersByTitle: [...papers].sort(compareTitles),
    dayIndex: new Map(days.map((day, i) => [day.date, i])),
    positionInDay: new Map(days.flatMap((day) => day.papers.map((paper, i) => [paper.slug, i] as const))),
    arxivRedirects: arxivRedirects(papers),
    related: options.related === false ? new Map() : (options.computeRelated ?? relatedPapers)(relatedInputsOf(papers)),
    authors,
    authorOf: (name) => {
      if (!authorOfName.has(name)) authorOfName.set(name, authorsByKey.get(authorKey(name)));
      return authorOfName.get(name);
    },
    citationKeys: citationKeys(
      papers.map((p) => ({
        slug: p.slug,
        date: p.data.date,
        year: p.published?.slice(0, 4) ?? '',
        authors: p.data.authors,
        title: p.titleText,
      })),
    ),
    taxonomy,
    papersOfTag: (id) => papersOfTag.get(id) ?? [],
    papersFiledUnder: (id) => {
      let filed = filedUnder.get(id);
      if (!filed) {
        filed = (papersOfTag.get(id) ?? []).filter((paper) => paper.tags.some((t) => t.id === id && t.source !== 'parent'));
        filedUnder.set(id, filed);
      }
      return filed;
    },
    taxonomyReport: formatTaxonomyReport(taxonomy, taxonomy.report),
  };
}

/**
 * The model with its related papers worked out by `compute`: for a build that
 * makes the rest of the model first (`related: false`), while a worker may
 * still be computing them on the second core (get-archive.ts).
 */
export function withRelatedPapers(archive: Archive, compute: ComputeRelated = relatedPapers): Archive {
  return { ...archive, related: compute(relatedInputsOf(archive.papers)) };
}

/** What related papers are computed from: each paper's title and abstract as plain text. */
function relatedInputsOf(papers: readonly Paper[]): RelatedInput[] {
  return papers.map((p) => ({ slug: p.slug, title: p.titleText, text: p.abstract }));
}

/** Builds the taxonomy over the papers (newest first) and gives each paper its tags. */
function tagPapers(papers: Paper[], options: ArchiveOptions): Taxonomy {
  const file = options.vocabulary?.file ?? 'the tag vocabulary';
  const definitions = options.vocabulary?.definitions;
  const vocabulary = definitions ? compileVocabulary(definitions, file) : undefined;
  const { memo } = options;
  // The rules as written stand for the compiled ones: how they compile is the code's, and other code drops the memo.
  const rules = vocabulary && cacheKeyOf(vocabulary.tags.map((t) => [t.id, t.rules.map((r) => r.source)]));
  const taxonomy = buildTaxonomy(
    vocabulary,
    papers.map((p) => ({ slug: p.slug, file: p.filePath, tags: p.data.tags, text: `${p.titleText}\n${p.abstract}` })),
    {
      freeTags: options.freeTags === true,
      ruleMatches:
        memo && vocabulary
          ? (paper) => memo.recall(cacheKeyOf(['rules', rules, paper.text]), () => ruleMatchesIn(vocabulary, paper.text))
          : undefined,
    },
  );
  const problems = taxonomyProblems(taxonomy, file);
  if (problems.length > 0) throw new ArchiveError(problems, taxonomyProblemsHint);
  for (const paper of papers) paper.tags = taxonomy.paperTags.get(paper.slug) ?? [];
  return taxonomy;
}

export type { Tag, Taxonomy, ArchiveDay, ArchivePeriod, ArxivRedirect, Author, RelatedPaper };

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

const titleCollator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function compareTitles(a: Paper, b: Paper): number {
  return titleCollator.compare(a.titleText, b.titleText) || a.slug.localeCompare(b.slug);
}

function compareNewestFirst(a: Paper, b: Paper): number {
  return b.data.date.localeCompare(a.data.date) || compareWithinDay(a, b);
}

/**
 * What a card and a page's description show of a paper's body: a pure function of the body and the macros, so the
 * memo can keep it. The plain abstract is not kept: it is quicker worked out again (0.15 s at 10,000 papers) than
 * read and written with the rest (1.7 KB a paper).
 */
interface BodySummary {
  snippetHtml: string;
  description: string;
}

function bodySummary(body: string, abstract: string, options: ArchiveOptions): BodySummary {
  return {
    snippetHtml: renderInlineTex(abstractSnippet(abstractParagraphs(body)[0] ?? ''), options.macros),
    description: texToReadableText(firstSentence(abstract)),
  };
}

function toPaper(input: PaperInput, options: ArchiveOptions, macros: string): Paper {
  // The title's line is looked up only if one of its formulas fails.
  const source = {
    file: input.filePath,
    get line() {
      return input.titleLine?.();
    },
  };
  const titleText = texToReadableText(input.data.title);
  // The title is not kept: a formula in it that fails is marked with its line in the file, which the body does not give.
  const abstract = abstractText(input.body);
  const { snippetHtml, description } = options.memo
    ? options.memo.recall(cacheKeyOf(['body', macros, input.body]), () => bodySummary(input.body, abstract, options))
    : bodySummary(input.body, abstract, options);
  return {
    slug: input.id,
    filePath: input.filePath,
    data: input.data,
    titleHtml: renderInlineTex(input.data.title, options.macros, source),
    titleText,
    snippetHtml,
    description,
    abstract,
    published: input.data.published ?? (input.data.arxiv ? arxivMonth(input.data.arxiv) : undefined),
    // arXiv's title search reads titles as their authors wrote them: formulas as TeX.
    links: paperLinks(input.data, texToPlainText(input.data.title)),
    tags: [],
  };
}
