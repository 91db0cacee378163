import type { Paper } from '../paper/paper.ts';

/** Where the paper's page lives and what the site is called, for absolute URLs and social cards. */
export interface PageContext {
  /** The page's absolute URL (with the base path), when the site has a `site` URL. */
  pageUrl?: string | undefined;
  siteName: string;
  /** Labels of the paper's tags, as keywords. */
  keywords?: readonly string[];
}

/**
 * Google Scholar's Highwire Press tags, as `[name, content]` pairs in the
 * order Scholar documents them: one `citation_author` per author, dates as
 * YYYY/MM/DD. No `citation_abstract`: Scholar reads the abstract from the
 * page, where it already is; a second copy in `<head>` only doubled the page.
 */
export function highwireTags(paper: Paper): [string, string][] {
  const { data } = paper;
  const slashes = (day: string) => day.replaceAll('-', '/');
  const tags: [string, string | undefined][] = [
    ['citation_title', paper.titleText],
    ...data.authors.map((author): [string, string] => ['citation_author', author]),
    ['citation_publication_date', paper.published && slashes(paper.published)],
    // The day the paper went online here, which is what Scholar's online date means.
    ['citation_online_date', slashes(data.date)],
    [
      /conference|proceedings|workshop|symposium/i.test(data.venue ?? '') ? 'citation_conference_title' : 'citation_journal_title',
      data.venue,
    ],
    ['citation_pdf_url', paper.links.find((l) => l.kind === 'pdf')?.href],
    ['citation_arxiv_id', data.arxiv],
    ['citation_doi', data.doi],
  ];
  return tags.filter((tag): tag is [string, string] => tag[1] !== undefined && tag[1] !== '');
}

/**
 * A schema.org `ScholarlyArticle` for the paper's JSON-LD block. The title
 * once, as `headline` (Google's article fields), not again as `name`; the
 * page's address once, as `url`, not again as `mainEntityOfPage`: readers of
 * JSON-LD take either, and each copy was about 70 bytes of every paper page.
 * No `description`: the page's meta description and `og:description` carry
 * its first sentence already, and the whole abstract is in the body.
 */
export function scholarlyArticle(paper: Paper, context: PageContext): Record<string, unknown> {
  const { data } = paper;
  const identifiers = [
    data.arxiv && { '@type': 'PropertyValue', propertyID: 'arXiv', value: data.arxiv },
    data.doi && { '@type': 'PropertyValue', propertyID: 'DOI', value: data.doi },
  ].filter(Boolean);
  const sameAs = paper.links.filter((l) => l.kind === 'arxiv' || l.kind === 'doi' || l.kind === 'url').map((l) => l.href);
  return {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    headline: paper.titleText,
    ...(data.authors.length > 0 && { author: data.authors.map((name) => ({ '@type': 'Person', name })) }),
    ...(paper.published && { datePublished: paper.published }),
    // When this archive's record of the paper was made, not when the paper was.
    dateCreated: data.date,
    ...(context.pageUrl && { url: context.pageUrl }),
    ...(sameAs.length > 0 && { sameAs }),
    ...(identifiers.length > 0 && { identifier: identifiers }),
    ...(data.venue && { publication: { '@type': 'PublicationEvent', name: data.venue } }),
    ...(context.keywords && context.keywords.length > 0 && { keywords: context.keywords.join(', ') }),
    ...(data.code && { codeRepository: data.code }),
  };
}

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` as
 * `\u` escapes (and the two JavaScript line separators), so no field can
 * close the script element or open a comment, and the JSON still parses to
 * the same values.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
