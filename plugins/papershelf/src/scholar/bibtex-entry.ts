import type { Paper } from '../paper/paper.ts';
import { escapeLatex, latexTitle } from './latex-text.ts';
import { monthAbbreviations } from '../text/month-names.ts';

const conference =
  /\b(?:conference|proceedings|workshop|symposium|neurips|nips|icml|iclr|cvpr|iccv|eccv|acl|emnlp|naacl|coling|aaai|ijcai|kdd|sigir|www|chi|interspeech|icassp|aistats|uai|colt|miccai|wacv|bmvc)\b/i;

/** What the entry needs beyond the paper: its key, and its page's absolute URL when the site has one. */
export interface BibtexContext {
  key: string;
  pageUrl?: string | undefined;
}

/**
 * The paper's BibTeX entry. An arXiv paper is cited as arXiv does
 * (`@misc` with `eprint`, `archivePrefix`, `primaryClass`); a paper with a
 * venue as `@inproceedings` (conferences, workshops) or `@article`.
 * Every text value is escaped for LaTeX; a paper without authors has no
 * `author` field and is still a valid entry.
 */
export function bibtexEntry(paper: Paper, context: BibtexContext): string {
  const { data } = paper;
  const type = !data.venue ? 'misc' : conference.test(data.venue) ? 'inproceedings' : 'article';
  // Without a known publication date there is no year: the day it joined the archive is not one.
  const [year, month] = paper.published?.split('-') ?? [];
  const fields: [string, string | undefined][] = [
    ['title', latexTitle(data.title)],
    ['author', data.authors.length > 0 ? data.authors.map(authorName).join(' and ') : undefined],
    ['year', year],
    ['month', month ? monthAbbreviations[Number(month) - 1] : undefined],
    [type === 'inproceedings' ? 'booktitle' : 'journal', data.venue && escapeLatex(data.venue)],
    ['eprint', data.arxiv],
    ['archivePrefix', data.arxiv && 'arXiv'],
    ['primaryClass', data.arxiv && data.category],
    ['doi', data.doi && verbatim(data.doi)],
    ['note', !data.venue && data.journalRef ? escapeLatex(data.journalRef) : undefined],
    ['url', verbatim(paper.links.find((l) => l.kind === 'arxiv')?.href ?? data.url ?? context.pageUrl)],
  ];
  const body = fields
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([name, value]) => `  ${name} = ${name === 'month' ? value : `{${value}}`}`);
  return `@${type}{${context.key},\n${body.join(',\n')}\n}\n`;
}

/** A URL or DOI for a verbatim field: the characters that would end the field or start a command, percent-encoded. */
function verbatim(value: string | undefined): string | undefined {
  return value?.replace(/[{}\\%]/g, (c) => encodeURIComponent(c));
}

/** A name as BibTeX reads it: escaped, and braced whole when it holds a word BibTeX would split on. */
function authorName(name: string): string {
  const escaped = escapeLatex(name.trim());
  return /\s(?:and)\s|,/i.test(name) ? `{${escaped}}` : escaped;
}
