// What pages and components read (`astro-papershelf/archive`): this build's archive, its addresses and
// feature switches, and, for component overrides written against earlier versions, the pure model too.
export * from './model.ts';
export { getArchive, getPaperEntry, getPaperEntries, getArchiveReport, type ArchiveBuildReport } from './get-archive.ts';
export { links, features, homeHref } from './archive-base.ts';
export { cacheKeyOf } from './cache-key.ts';
export { listingPaths, monthPaths, periodPaths, type MonthWeek } from './listing-paths.ts';
export { siteFacts, cardFacts, paperPageFacts, paperFileFacts, listingFacts, tagPageFacts, feedFacts } from './page-facts.ts';
