// The archive model, as pages and components read it.
export { getArchive, getPaperEntry } from './get-archive.ts';
export { buildArchive, compareWithinDay, type Archive, type ArchiveDay, type ArchiveOptions } from './build-archive.ts';
export type { Paper, PaperInput, PaperLink } from './paper.ts';
export { abstractSnippet } from './abstract-snippet.ts';
export { paperLinks } from './paper-links.ts';
export { formatDay } from './format-day.ts';
export { siteUrl } from './site-url.ts';
