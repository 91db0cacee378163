import type { Archive } from './build-archive.ts';
import type { ListingPage } from './pages.ts';
import type { ArchivePeriod, PeriodPage } from './periods.ts';
import type { Paper } from '../paper/paper.ts';
import type { Tag } from '../taxonomy/build-taxonomy.ts';
import { cacheKeyOf } from './cache-key.ts';
import { cardTagChoices } from './card-tags.ts';
import { relatedReasons } from './related-reasons.ts';

/**
 * What each kind of page shows of the archive model, as plain data. A route
 * hands `cacheKeyOf(facts)` to Astro's incremental build as the page's
 * `cacheKey`, so a page is restored from the last build only when everything
 * it shows is the same; its own Markdown body is tracked by Astro itself.
 * Whatever a page reads from the model must be in its facts: a fact left out
 * here is a page that stays stale (the incremental-build test compares every
 * kind of change against a clean build, file for file).
 */

/** Facts every page shows: the header links to the authors only when there are some. */
export function siteFacts(archive: Archive): unknown {
  return { authors: archive.authors.length > 0 };
}

/**
 * A paper's facts that many pages show (its card on a dozen listings, its
 * file facts in every tag's BibTeX), digested once per paper of a model:
 * hashing them again for each page was most of a no-change build's key cost.
 */
function digestOnce(memo: WeakMap<Paper, string>, paper: Paper, facts: () => unknown): string {
  let digest = memo.get(paper);
  if (digest === undefined) memo.set(paper, (digest = cacheKeyOf(facts())));
  return digest;
}
const cardDigests = new WeakMap<Paper, string>();
const fileDigests = new WeakMap<Paper, string>();

/**
 * What a paper card (`PaperCard`) shows in either variant: title, authors with
 * their pages, snippet, summary, links, upvotes, a withdrawn mark; the date and
 * main tags of the compact one (those of any page it is on).
 */
export function cardFacts(paper: Paper, archive: Archive): unknown {
  return digestOnce(cardDigests, paper, () => {
    const { summary, upvotes, withdrawn, date } = paper.data;
    // A tag's page leaves its own tag out of the cards, and shows the next one.
    const tags = cardTagChoices(paper, archive.taxonomy.byId).map(tagLink);
    return [
      paper.slug,
      paper.titleHtml,
      paper.snippetHtml,
      authorFacts(paper, archive),
      paper.links,
      summary,
      upvotes,
      withdrawn,
      date,
      tags,
    ];
  });
}

/** What a tag link shows. */
function tagLink(tag: Tag | undefined): unknown {
  return tag && [tag.id, tag.slug, tag.label];
}

/** A paper page: the paper, its tags, citation, related papers, its day and neighbours in it. */
export function paperPageFacts(paper: Paper, archive: Archive): unknown {
  const day = archive.days[archive.dayIndex.get(paper.data.date)!]!;
  const position = archive.positionInDay.get(paper.slug)!;
  const neighbour = (other: Paper | undefined) => other && [other.slug, other.titleText];
  const { byId } = archive.taxonomy;
  return [
    siteFacts(archive),
    paper.data,
    paper.titleHtml,
    paper.titleText,
    paper.description,
    paper.abstract,
    paper.published,
    paper.links,
    authorFacts(paper, archive),
    paper.tags.map((tag) => [tag, tagLink(byId.get(tag.id)), byId.get(tag.id)?.ancestors]),
    archive.citationKeys.get(paper.slug),
    // What the page shows of each related paper: which one, its title and the phrases the two share (not the score).
    relatedReasons(paper, archive).map((related) => [related.slug, related.phrases, archive.bySlug.get(related.slug)?.titleHtml]),
    [day.date, day.papers.length],
    neighbour(day.papers[position - 1]),
    neighbour(day.papers[position + 1]),
  ];
}

/** A page of a listing: which page of how many, and the cards on it, plus what else the page shows. */
export function listingFacts(archive: Archive, page: ListingPage<Paper>, extra: unknown): unknown {
  return [siteFacts(archive), page.current, page.last, page.total, page.first, page.items.map((paper) => cardFacts(paper, archive)), extra];
}

/**
 * A page of a week: the week, its neighbours, every day with its count (each
 * day's heading reads them), and the page's papers day by day as compact cards.
 */
export function periodFacts(
  archive: Archive,
  period: ArchivePeriod,
  older: ArchivePeriod | undefined,
  newer: ArchivePeriod | undefined,
  page: PeriodPage,
): unknown {
  return [
    siteFacts(archive),
    period.id,
    older?.id,
    newer?.id,
    page.current,
    page.last,
    page.first,
    period.days.map((day) => [day.date, day.papers.length]),
    page.days.map((day) => [day.date, day.first, day.papers.map((paper) => cardFacts(paper, archive))]),
  ];
}

/**
 * A month's page: the month, its neighbours, every day with its count (its
 * calendar), its weeks with their counts in the month, and its papers day by
 * day when it lists them.
 */
export function monthFacts(
  archive: Archive,
  month: ArchivePeriod,
  older: ArchivePeriod | undefined,
  newer: ArchivePeriod | undefined,
  weeks: readonly { id: string; count: number }[],
  listed: PeriodPage | undefined,
): unknown {
  return [
    siteFacts(archive),
    month.id,
    older?.id,
    newer?.id,
    month.days.map((day) => [day.date, day.papers.length]),
    weeks,
    listed?.days.map((day) => [day.date, day.papers.map((paper) => cardFacts(paper, archive))]),
  ];
}

/** A feed's items: each paper's address, fields, and tags by label (more than an item shows, never less). */
export function feedFacts(papers: readonly Paper[], archive: Archive): unknown {
  return papers.map((paper) => [paper.slug, paperFileFacts(paper, archive)]);
}

/** What a tag page shows besides its papers: the tag, its place in the tree, narrower and related tags with counts. */
export function tagPageFacts(tag: Tag, archive: Archive): unknown {
  const { byId, papersOf, related } = archive.taxonomy;
  const counted = (id: string) => [tagLink(byId.get(id)), papersOf.get(id)?.length ?? 0];
  return [
    tag.id,
    tag.slug,
    tag.label,
    tag.description,
    tag.ancestors.map(counted),
    tag.children.map(counted),
    (related.get(tag.id) ?? []).slice(0, 6).map((r) => [counted(r.id), r.count]),
    archive.papersFiledUnder(tag.id).length,
  ];
}

function authorFacts(paper: Paper, archive: Archive): unknown {
  return paper.data.authors.map((name) => {
    const author = archive.authorOf(name);
    return [name, author?.hasPage ? author.slug : undefined];
  });
}

/**
 * A paper in the files of its data (`.bib`, `.json`, a month's and a tag's files): its slug (the record and the
 * link to its page carry it), its fields, tags by label, and its citation key.
 */
export function paperFileFacts(paper: Paper, archive: Archive): unknown {
  const { byId } = archive.taxonomy;
  return digestOnce(fileDigests, paper, () => [
    paper.slug,
    paper.data,
    paper.titleText,
    paper.abstract,
    paper.published,
    paper.links,
    paper.tags.map((tag) => [tag, tagLink(byId.get(tag.id))]),
    archive.citationKeys.get(paper.slug),
  ]);
}
