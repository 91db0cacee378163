import { parseArxivId } from '../content/arxiv-id.ts';
import { isRealDay, isWebUrl } from '../content/paper-schema.ts';
import type { ImportedPaper } from './imported-paper.ts';
import { unwrap, unwrapParagraphs } from './import-result.ts';
import { decodeAccentsAndLinks } from './latex-text.ts';
import { expandAuthorMacros } from './author-macros.ts';
import { findCodeUrl } from './code-url.ts';

/** An item of Hugging Face's daily list (`/api/daily_papers`), as far as the archive reads it. Values are unchecked. */
interface HfDailyItem {
  paper?: {
    id?: unknown;
    title?: unknown;
    summary?: unknown;
    authors?: unknown;
    publishedAt?: unknown;
    submittedOnDailyAt?: unknown;
    upvotes?: unknown;
    githubRepo?: unknown;
    projectPage?: unknown;
    ai_summary?: unknown;
    ai_keywords?: unknown;
    organization?: unknown;
    withdrawnAt?: unknown;
  };
  organization?: unknown;
  /** The list's own copy of the title, beside `paper.title`. */
  title?: unknown;
}

/** An item as a paper, with what was left out of it and why; or why the whole item was skipped. */
export type HfItemResult = { paper: ImportedPaper; problems: string[] } | { problem: string };

const show = (value: unknown) => `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;

/**
 * One item of Hugging Face's daily list as a paper: `paper.id` as the arXiv
 * id; title and abstract (`paper.summary`) unwrapped; authors in order
 * without the hidden ones; `published` from `paper.publishedAt`; the day on
 * the list as `date` (the day asked for, else `paper.submittedOnDailyAt`'s);
 * upvotes, code (`githubRepo`), project page, organisation, the one-line
 * `ai_summary` as `summary`, `ai_keywords` as keywords (tags only through the
 * vocabulary) and `withdrawnAt` as `withdrawn`. An item without a usable id,
 * title or day is skipped; a bad optional value is left out; each says why.
 */
export function hfItemPaper(item: unknown, position: number, source: string, day: string | undefined): HfItemResult {
  const paper = isObject(item) ? (item as HfDailyItem).paper : undefined;
  if (!isObject(paper))
    return {
      problem: `item ${position} has no \`paper\` object; skipped: each item of the daily list is \`{ "paper": { "id": …, "title": … }, … }\`, so save the API's answer again, whole`,
    };
  if (paper.id === undefined || paper.id === null || (typeof paper.id === 'string' && paper.id.trim() === ''))
    return {
      problem: `item ${position} has no \`paper.id\`; skipped: it is the paper's arXiv id, e.g. \`"paper": { "id": "2508.18265", … }\``,
    };
  const arxiv = typeof paper.id === 'string' ? parseArxivId(paper.id) : undefined;
  if (!arxiv)
    return {
      problem: `item ${position}: \`paper.id\` ${show(paper.id)} is not an arXiv id; skipped: write it as Hugging Face does, e.g. \`2508.18265\``,
    };
  const name = `${arxiv} (item ${position})`;
  // Titles and abstracts are as their authors typed them on arXiv, LaTeX accents included (`Schr\"odinger`).
  const listTitle = (item as HfDailyItem).title;
  const title = decodeAccentsAndLinks(
    unwrap(typeof paper.title === 'string' && paper.title.trim() ? paper.title : typeof listTitle === 'string' ? listTitle : ''),
  );
  if (!title) return { problem: `${name} has no \`paper.title\`; skipped: add the title, or save the API's answer again` };
  const date = day ?? utcDay(paper.submittedOnDailyAt);
  if (!date)
    return {
      problem: `${name}: \`paper.submittedOnDailyAt\` ${show(paper.submittedOnDailyAt ?? null)} is not a date, so the day it was on the list is unknown; skipped: import it with --date YYYY-MM-DD`,
    };
  const withdrawn = paper.withdrawnAt === undefined || paper.withdrawnAt === null ? undefined : utcDay(paper.withdrawnAt);
  if (paper.withdrawnAt !== undefined && paper.withdrawnAt !== null && !withdrawn)
    return {
      problem: `${name}: \`paper.withdrawnAt\` ${show(paper.withdrawnAt)} is not a date; skipped, so a withdrawn paper is not imported unmarked: write it as e.g. "2025-08-28T09:00:00.000Z"`,
    };

  const problems: string[] = [];
  const leftOut = (field: string, value: unknown, expected: string, into: string) =>
    problems.push(
      `${name}: \`paper.${field}\` ${show(value)} is not ${expected}; imported without \`${into}\`: fix it and import again to add it`,
    );
  const abstract =
    typeof paper.summary === 'string' ? expandAuthorMacros(decodeAccentsAndLinks(unwrapParagraphs(paper.summary)), title) : '';
  const result: ImportedPaper = { title, abstract, date, arxiv, source };

  // `null` is JSON's way of saying there is none, as for `publishedAt`.
  if (paper.authors !== undefined && paper.authors !== null) {
    const authors = Array.isArray(paper.authors) ? visibleAuthors(paper.authors) : undefined;
    if (authors) {
      if (authors.length > 0) result.authors = authors;
    } else leftOut('authors', paper.authors, 'a list of `{ "name": …, "hidden": … }`', 'authors');
  }
  const organization = organizationName(paper.organization) ?? organizationName((item as HfDailyItem).organization);
  if (organization) result.organization = organization;
  if (isPresent(paper.publishedAt)) {
    const published = utcDay(paper.publishedAt);
    if (published) result.published = published;
    else leftOut('publishedAt', paper.publishedAt, 'a date (e.g. "2025-08-26T17:59:43.000Z")', 'published');
  }
  if (withdrawn) result.withdrawn = withdrawn;
  if (isPresent(paper.ai_summary)) {
    if (typeof paper.ai_summary === 'string' && unwrap(paper.ai_summary)) result.summary = unwrap(paper.ai_summary);
    else leftOut('ai_summary', paper.ai_summary, 'text', 'summary');
  }
  for (const [field, into] of [
    ['githubRepo', 'code'],
    ['projectPage', 'projectPage'],
  ] as const) {
    const value = paper[field];
    if (!isPresent(value)) continue;
    if (typeof value === 'string' && isWebUrl(value.trim())) result[into] = value.trim();
    else leftOut(field, value, 'an http(s) URL', into);
  }
  // With no repository in the listing, the abstract may name the paper's own ("Code: https://github.com/…"), as the
  // daily page's and arXiv's imports read it.
  if (!isPresent(paper.githubRepo)) {
    const code = findCodeUrl(abstract);
    if (code) result.code = code;
  }
  if (isPresent(paper.upvotes)) {
    if (Number.isInteger(paper.upvotes) && (paper.upvotes as number) >= 0) result.upvotes = paper.upvotes as number;
    else leftOut('upvotes', paper.upvotes, 'a whole number', 'upvotes');
  }
  if (isPresent(paper.ai_keywords)) {
    if (Array.isArray(paper.ai_keywords) && paper.ai_keywords.every((k) => typeof k === 'string'))
      result.keywords = paper.ai_keywords.map((k) => unwrap(k)).filter(Boolean);
    else leftOut('ai_keywords', paper.ai_keywords, 'a list of words', 'tags');
  }
  return { paper: result, problems };
}

/**
 * The names of the authors the listing shows, in order: an entry marked
 * `hidden` is not shown, so not kept, nor is one with no name (there is
 * nothing of it to keep). Undefined when no entry has a name to read.
 */
function visibleAuthors(authors: unknown[]): string[] | undefined {
  const named = authors.filter((author) => isObject(author) && typeof author['name'] === 'string') as Record<string, unknown>[];
  if (authors.length > 0 && named.length === 0) return undefined;
  return named
    .filter((author) => author['hidden'] !== true)
    .flatMap((author) => decodeAccentsAndLinks(unwrap(author['name'] as string)) || []);
}

function organizationName(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  for (const key of ['fullname', 'name']) {
    if (typeof value[key] === 'string' && unwrap(value[key])) return unwrap(value[key]);
  }
  return undefined;
}

/** The UTC day of an ISO date or timestamp (`2025-08-26T17:59:43.000Z` → `2025-08-26`); undefined for anything else or an impossible day. */
function utcDay(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  if (!match) return undefined;
  if (!isRealDay(`${match[1]}-${match[2]}-${match[3]}`)) return undefined;
  // Without a time zone the day is the one written; with one (the API writes `Z`), the UTC day of that moment.
  const time = Date.parse(match[4] ? value.trim() : `${match[1]}-${match[2]}-${match[3]}T00:00:00Z`);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().slice(0, 10);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The API writes an absent value as `null` or `""` as often as it leaves the key out. */
function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}
