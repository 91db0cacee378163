import { Feed } from 'feed';
import type { Paper } from '../paper/paper.ts';
import type { Tag } from '../taxonomy/build-taxonomy.ts';
import { escapeHtml } from '../markdown/escape-html.ts';
import type { KatexMacros } from '../markdown/katex-options.ts';
import { abstractFeedHtml } from './abstract-html.ts';

/** What a feed is about and where it lives. */
export interface FeedContext {
  title: string;
  /** Who publishes the feed: the site's title. Atom requires an author, and a paper may name none. */
  publisher: string;
  description: string;
  /** The site's absolute URL with its base path, e.g. `https://example.org/archive/`. */
  home: string;
  /** The feed's own absolute URLs. */
  links: { rss: string; atom?: string | undefined };
  /** The page the feed stands for (the home page, a tag page). */
  page: string;
  /** A paper page's absolute URL. */
  paperUrl: (slug: string) => string;
  tagsById: ReadonlyMap<string, Tag>;
  macros?: KatexMacros | undefined;
  /** The format written: Atom's titles are HTML (`type="html"`), RSS's are text. */
  format: 'rss' | 'atom';
}

/**
 * A feed of papers (newest first, already cut to the feed's length): each
 * item dated by `date` (when it joined the archive), with its title,
 * authors, tags, its abstract's first sentence as the summary and the whole
 * abstract as the content, math as MathML with TeX fallback. Links are
 * absolute and include the base path.
 */
export function paperFeed(papers: readonly Paper[], context: FeedContext): Feed {
  const feed = new Feed({
    id: context.page,
    title: context.title,
    description: context.description,
    link: context.page,
    language: 'en',
    updated: papers[0] ? dayDate(papers[0].data.date) : new Date(0),
    feedLinks: { rss: context.links.rss, ...(context.links.atom && { atom: context.links.atom }) },
    generator: 'Papershelf',
    copyright: '',
    // The feed's author, for the entries of papers that name none (RFC 4287: every entry needs one, its own or the feed's).
    author: { name: context.publisher, link: context.home },
  });
  for (const paper of papers) {
    const link = context.paperUrl(paper.slug);
    const authors = paper.data.authors;
    feed.addItem({
      // Text as the format reads it: a title "Why <b>Bold</b> Claims" is those characters in both.
      title: cdataSafe(context.format === 'atom' ? escapeHtml(paper.titleText) : paper.titleText),
      id: link,
      guid: link,
      link,
      date: dayDate(paper.data.date),
      // A summary (the first sentence), as pages give link previews: the whole abstract is the item's content just below.
      // HTML in both formats (RSS's description, Atom's `type="html"`), so its text is escaped: `x<y` stays.
      description: cdataSafe(escapeHtml(paper.description)),
      content: cdataSafe(
        `${authors.length > 0 ? `<p><em>${escapeHtml(authors.join(', '))}</em></p>` : ''}${abstractFeedHtml(paper.abstract, context.macros)}`,
      ),
      // RSS's <author> is an email address: there each name becomes a dc:creator (see `feedXml`).
      author: authors.map((name) => ({ name })),
      // Atom's category needs its `term` (RFC 4287): the tag's id; its label is what readers show.
      category: paper.tags
        .filter((t) => t.source !== 'parent')
        .map((t) => ({ term: t.id, name: context.tagsById.get(t.id)?.label ?? t.id })),
    });
  }
  return feed;
}

/**
 * The feed as RSS 2.0 or Atom 1.0. RSS's `<author>` holds an email address, which papers do not give: the feed
 * library writes each author's name there, so in RSS the names become `<dc:creator>`, as feed readers read them.
 */
export function feedXml(feed: Feed, format: FeedContext['format']): string {
  return format === 'rss' ? feed.rss2().replace(/<author>([^<]*)<\/author>/g, '<dc:creator>$1</dc:creator>') : feed.atom1();
}

/** The feed library writes text as CDATA and escapes only the first `]]>`; every one is broken up here. */
function cdataSafe(text: string): string {
  return text.replaceAll(']]>', ']] >');
}

function dayDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}
