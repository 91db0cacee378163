// Feeds of the archive and of each tag (RSS 2.0 and Atom, via the `feed` library).
export { feedXml, paperFeed, type FeedContext } from './paper-feed.ts';
export { abstractFeedHtml } from './abstract-html.ts';
export { feedPapers } from './feed-papers.ts';
