import { parse, type Entry } from '@retorquere/bibtex-parser';
import { parseArxivId } from '../content/arxiv-id.ts';
import { findCodeUrl } from './code-url.ts';
import { monthNumber } from '../text/month-names.ts';
import { arxivCategoryPattern, stripDoiResolver } from '../content/arxiv-id.ts';
import type { ImportedPaper } from './imported-paper.ts';
import { lineLocator, unwrap, type ImportResult, type RecordProblem } from './import-result.ts';
import { composeDotlessAccents, latexToText } from './latex-text.ts';
import { otherFormatHint } from './detect-format.ts';

/**
 * Fields the parser leaves as written: title and abstract are decoded by
 * `latexToText`, which keeps their formulas; `howpublished` is searched for
 * an arXiv address, which the parser would turn into HTML.
 */
const verbatimFields = ['title', 'abstract', 'howpublished'];

/**
 * Papers from a `.bib` file as people keep them, parsed by
 * @retorquere/bibtex-parser: any entry type; accents (`{\"u}`) and case
 * protection (`{BERT}`) decoded to Unicode text; "Last, First" names as
 * "First Last" ("and others" dropped); `year`/`month` as `published`;
 * `eprint` with `archivePrefix = arXiv` (or an arXiv id or address in `url`,
 * `journal` or `howpublished`) as the arXiv id; `doi`, `url`,
 * `abstract`; `booktitle`/`journal` as `venue`. Formulas in title and
 * abstract stay formulas. An entry the parser rejects is reported with its
 * line, and the entries around it are still read.
 */
export function bibtexPapers(text: string, sourceName: string, date: string): ImportResult {
  const lineAt = lineLocator(text);
  const library = parse(text, {
    sentenceCase: false,
    english: false,
    fieldMode: Object.fromEntries(verbatimFields.map((f) => [f, 'verbatim'])),
  });
  const problems: RecordProblem[] = library.errors.map((error) => ({
    line: error.input
      ? lineAt(Math.max(0, text.indexOf(error.input.trim().slice(0, 60))))
      : Number(/line (\d+)/.exec(error.error)?.[1] ?? 1),
    message: `entry not read: ${error.error.replace(/\s+at line \d+, column \d+.*$/s, '')}; fix it and import again`,
  }));
  const papers: ImportedPaper[] = [];
  let searchFrom = 0;
  for (const entry of library.entries) {
    if (!entry.input) continue; // the parser keeps a partial copy of a broken entry; its error is reported above
    const offset = text.indexOf(entry.input.slice(0, 40), searchFrom);
    if (offset >= 0) searchFrom = offset + 1;
    const line = lineAt(Math.max(0, offset));
    const paper = entryPaper(entry, date, `${sourceName}:${line}`);
    if ('problem' in paper) problems.push({ line, message: paper.problem });
    else papers.push(paper.paper);
  }
  if (library.entries.length === 0)
    problems.push({ line: 1, message: `no BibTeX entry (\`@article{key, …}\`) was read from this file; ${otherFormatHint('bibtex')}` });
  problems.sort((a, b) => a.line - b.line);
  return { papers, problems };
}

function entryPaper(entry: Entry, date: string, source: string): { paper: ImportedPaper } | { problem: string } {
  const fields = entry.fields as Record<string, unknown>;
  const field = (name: string) => (typeof fields[name] === 'string' ? unwrap(fields[name]) : '');
  const title = latexToText(field('title'));
  if (!title) return { problem: `@${entry.type}{${entry.key}} has no title; skipped: add \`title = {…}\` and import again` };
  const paper: ImportedPaper = { title, abstract: latexToText(field('abstract')), date, source };
  const authors = ((fields['author'] ?? []) as { firstName?: string; prefix?: string; lastName?: string; suffix?: string; name?: string }[])
    .map((a) => composeDotlessAccents(unwrap(a.name ?? [a.firstName, a.prefix, a.lastName, a.suffix].filter(Boolean).join(' '))))
    // BibTeX's "and others" means "et al.", not an author.
    .filter((name) => name && name.toLowerCase() !== 'others');
  if (authors.length > 0) paper.authors = authors;
  const published = publishedDate(field('year'), field('month'), field('date'));
  if (published) paper.published = published;
  const eprint = field('eprint');
  const arxiv =
    (eprint && (/arxiv/i.test(field('archiveprefix') || field('eprinttype')) || !field('archiveprefix'))
      ? parseArxivId(eprint)
      : undefined) ??
    arxivIdIn(field('url')) ??
    arxivIdIn(field('journal')) ??
    arxivIdIn(field('howpublished'));
  if (arxiv) paper.arxiv = arxiv;
  const category = field('primaryclass');
  if (arxiv && arxivCategoryPattern.test(category)) paper.category = category;
  const doi = stripDoiResolver(field('doi'));
  if (/^10\.\d{4,9}\/\S+$/.test(doi)) paper.doi = doi;
  const venue = field('booktitle') || (/arxiv/i.test(field('journal')) ? '' : field('journal'));
  if (venue) paper.venue = venue;
  const url = field('url');
  if (/^https?:\/\//.test(url) && !parseArxivId(url)) paper.url = url;
  const code = findCodeUrl(paper.abstract) ?? findCodeUrl(field('note'));
  if (code) paper.code = code;
  return { paper };
}

/**
 * An arXiv id named anywhere in a field, as Google Scholar and others write
 * it: `arXiv preprint arXiv:1706.03762`, `\url{https://arxiv.org/abs/2402.05555}`.
 */
function arxivIdIn(text: string): string | undefined {
  const named = /arxiv(?::\s*|\.org\/(?:abs|pdf)\/)([a-z-]+(?:\.[a-z]{2})?\/\d{7}(?:v\d+)?|\d{4}\.\d{4,5}(?:v\d+)?)/i.exec(text);
  return named ? parseArxivId(named[1]!) : undefined;
}

/**
 * The entry's date as precisely as it gives one: biblatex's `date`
 * (`2017`, `2017-06`, `2017-06-12`), else `year` with `month` when there is
 * one. A year alone stays a year: 1 January would be a day nobody knows.
 */
function publishedDate(year: string, month: string, date: string): string | undefined {
  const iso = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (iso) return [iso[1], iso[2], iso[2] && iso[3]].filter(Boolean).join('-');
  if (!/^\d{4}$/.test(year)) return undefined;
  const index = /^\d+$/.test(month) ? Number(month) : monthNumber(month);
  return index >= 1 && index <= 12 ? `${year}-${String(index).padStart(2, '0')}` : year;
}
