// The archive model as pure functions and types: no `astro:content`, no virtual modules, so tests,
// the benchmark and other tools can build an archive from plain data (`astro-papershelf/model`).
export {
  buildArchive,
  compareWithinDay,
  ArchiveError,
  type Archive,
  type ArchiveDay,
  type ArchivePeriod,
  type ArchiveOptions,
  type ArxivRedirect,
  type Author,
  type RelatedPaper,
} from './build-archive.ts';
export { isoWeekOf, isoWeekRange, monthGrid, monthOf, formatMonth, formatWeek } from './calendar.ts';
export { neighbours, periodPages, type PeriodPage, type PeriodPageDay } from './periods.ts';
export { byUpvotes, type DayOrder } from './day-orders.ts';
export type { Tag, Taxonomy, PaperTag, TagSource, CoTag } from '../taxonomy/build-taxonomy.ts';
export { isPatternRule } from '../taxonomy/tag-rule.ts';
export { abstractText } from './abstract-text.ts';
export type { Paper, PaperInput, PaperLink } from '../paper/paper.ts';
export { abstractSnippet } from './abstract-snippet.ts';
export { firstSentence } from './first-sentence.ts';
export { cardLinkKinds, paperLinks } from './paper-links.ts';
export { cardTagLimits, cardTags } from './card-tags.ts';
export { formatDay, formatPartialDate } from './format-day.ts';
export { dayPageSize, listingPageSize, pageDescription, paginateList, type ListingPage } from './pages.ts';
export { titleLetters, type TitleLetter } from './title-letters.ts';
export { authorKey, authorsByLetter, cutAuthors, letterSlug, mostProlific, shortAuthors, type CutAuthors } from './authors.ts';
export { countOf } from '../text/count-of.ts';
export { relatedReasons, type RelatedReason } from './related-reasons.ts';
