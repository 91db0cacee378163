import type { Paper } from '../paper/paper.ts';

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
