import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { parseArxivId } from '../content/arxiv-id.ts';
import { findCodeUrl } from './code-url.ts';
import type { ImportedPaper } from './imported-paper.ts';
import { lineLocator, unwrap, type ImportResult, type RecordProblem } from './import-result.ts';
import { decodeAccentsAndLinks } from './latex-text.ts';
import { otherFormatHint } from './detect-format.ts';

interface AtomEntry {
  id?: unknown;
  title?: unknown;
  summary?: unknown;
  published?: unknown;
  updated?: unknown;
  author?: { name?: unknown }[];
  link?: { '@href'?: string; '@title'?: string; '@rel'?: string }[];
  doi?: unknown;
  comment?: unknown;
  journal_ref?: unknown;
  primary_category?: { '@term'?: string };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  isArray: (name) => ['entry', 'author', 'link', 'category'].includes(name),
  parseTagValue: false,
  trimValues: false,
  processEntities: true,
  // Numeric character references (`&#233;`, `&#xE8;`) are XML too, but this parser decodes them only with this switch on.
  // It is marked deprecated in favour of a custom `entityDecoder`, which would mean depending on @nodable/entities ourselves.
  htmlEntities: true,
});

/**
 * Papers from an arXiv API Atom feed (what `export.arxiv.org/api/query`
 * returns): title, authors and abstract with the feed's wrapping undone and
 * their LaTeX accents and links decoded (`Schr\"odinger`, `\url{…}`),
 * first-version date as `published`, the id with its version (new and old
 * style), primary category, DOI, journal reference, comment, PDF link, and a
 * code URL from the abstract or comment. Each entry that cannot be used is
 * reported with its line; the others are still read.
 */
export function arxivFeedPapers(text: string, sourceName: string, date: string): ImportResult {
  try {
    SyntaxValidator.validate(text);
  } catch (error) {
    const { line, message } = error as Error & { line?: number };
    return {
      papers: [],
      problems: [
        {
          line: line ?? 1,
          message: `not valid XML (nothing was imported from this file): ${message}; fix the file, or save the arXiv API's answer again; ${otherFormatHint('arxiv')}`,
        },
      ],
    };
  }
  const feed = (parser.parse(text) as { feed?: { entry?: AtomEntry[] } }).feed;
  if (!feed)
    return {
      papers: [],
      problems: [
        { line: 1, message: `not an Atom feed: there is no <feed> element (is this an arXiv API response?); ${otherFormatHint('arxiv')}` },
      ],
    };
  const lineAt = lineLocator(text);
  const starts = [...text.matchAll(/<entry[\s>]/g)].map((m) => lineAt(m.index));
  const papers: ImportedPaper[] = [];
  const problems: RecordProblem[] = [];
  (feed.entry ?? []).forEach((entry, index) => {
    const line = starts[index] ?? 1;
    const result = entryPaper(entry, date, `${sourceName}:${line}`);
    if ('problem' in result) problems.push({ line, message: result.problem });
    else papers.push(result.paper);
  });
  return { papers, problems };
}

function entryPaper(entry: AtomEntry, date: string, source: string): { paper: ImportedPaper } | { problem: string } {
  const idUrl = text(entry.id);
  if (/arxiv\.org\/api\/errors/.test(idUrl))
    return {
      problem: `the arXiv API answered with an error: ${unwrap(text(entry.summary)) || 'no details'}; check the ids that were asked for`,
    };
  const arxiv = parseArxivId(idUrl);
  if (!arxiv)
    return {
      problem: `entry has no arXiv id in <id> (found \`${idUrl || 'nothing'}\`); skipped: fetch the record again from the arXiv API, whose entries name the paper as http://arxiv.org/abs/<id>`,
    };
  const title = arxivText(entry.title);
  if (!title) return { problem: `entry ${arxiv} has no <title>; skipped: fetch the record again from the arXiv API` };
  const published = text(entry.published).slice(0, 10);
  const comment = unwrap(text(entry.comment));
  const abstract = arxivText(entry.summary);
  const pdf = entry.link?.find((l) => l['@title'] === 'pdf')?.['@href'];
  const paper: ImportedPaper = {
    title,
    abstract,
    date,
    authors: (entry.author ?? []).map((a) => arxivText(a.name)).filter(Boolean),
    arxiv,
    source,
  };
  if (/^\d{4}-\d{2}-\d{2}$/.test(published)) paper.published = published;
  const category = entry.primary_category?.['@term'];
  if (category) paper.category = category;
  const doi = unwrap(text(entry.doi)).split(' ')[0]; // arXiv lists all of a paper's DOIs, apart by spaces; `doi` holds one
  if (doi) paper.doi = doi;
  const journalRef = unwrap(text(entry.journal_ref));
  if (journalRef) paper.journalRef = journalRef;
  if (comment) paper.comment = comment;
  // arXiv withdraws a paper with a last version whose comment says so; that version's day is the withdrawal's.
  const updated = text(entry.updated).slice(0, 10);
  if (withdrawalComment.test(comment) && /^\d{4}-\d{2}-\d{2}$/.test(updated)) paper.withdrawn = updated;
  if (pdf) paper.pdf = pdf.replace(/^http:/, 'https:');
  const code = findCodeUrl(abstract) ?? findCodeUrl(comment);
  if (code) paper.code = code;
  return { paper };
}

/** A comment that withdraws the paper: "This paper has been withdrawn by the author", "Withdrawn: …", "withdrawn due to …". */
const withdrawalComment =
  /^\s*(?:\(?withdrawn\b|this (?:paper|article|submission|manuscript|work|version) (?:has been|is being|is|was) withdrawn\b)|\b(?:has been|is being|was) withdrawn by the (?:authors?|submitter|arxiv admin)/i;

/** A title, name or abstract of the feed as one line of text; arXiv keeps them as their authors typed them, LaTeX accents included. */
function arxivText(value: unknown): string {
  return decodeAccentsAndLinks(unwrap(text(value)));
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && '#text' in value) return String((value as { '#text': unknown })['#text']);
  return '';
}
