import { parse, type Entry } from '@retorquere/bibtex-parser';
import { parseArxivId } from '../content/arxiv-id.ts';
import { splitTex } from '../markdown/tex-segments.ts';
import { findCodeUrl } from './code-url.ts';
import { monthNumber } from '../text/month-names.ts';
import { arxivCategoryPattern, stripDoiResolver } from '../content/arxiv-id.ts';
import type { ImportedPaper } from './imported-paper.ts';
import { lineLocator, unwrap, type ImportResult, type RecordProblem } from './import-result.ts';

/** Fields read as LaTeX source, so their formulas can be kept as formulas while the rest is decoded. */
const mathFields = ['title', 'abstract'];

/**
 * Papers from a `.bib` file as people keep them, parsed by
 * @retorquere/bibtex-parser: any entry type; accents (`{\"u}`) and case
 * protection (`{BERT}`) decoded to Unicode text; "Last, First" names as
 * "First Last"; `year`/`month` as `published`; `eprint` with
 * `archivePrefix = arXiv` (or an arXiv URL) as the arXiv id; `doi`, `url`,
 * `abstract`; `booktitle`/`journal` as `venue`. Formulas in title and
 * abstract stay formulas. An entry the parser rejects is reported with its
 * line, and the entries around it are still read.
 */
export function bibtexPapers(text: string, sourceName: string, date: string): ImportResult {
  const lineAt = lineLocator(text);
  const library = parse(text, {
    sentenceCase: false,
    english: false,
    fieldMode: Object.fromEntries(mathFields.map((f) => [f, 'verbatim'])),
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
  problems.sort((a, b) => a.line - b.line);
  return { papers, problems };
}

function entryPaper(entry: Entry, date: string, source: string): { paper: ImportedPaper } | { problem: string } {
  const fields = entry.fields as Record<string, unknown>;
  const field = (name: string) => (typeof fields[name] === 'string' ? unwrap(fields[name]) : '');
  const title = decodeWithMath(field('title'));
  if (!title) return { problem: `@${entry.type}{${entry.key}} has no title; skipped: add \`title = {…}\` and import again` };
  const paper: ImportedPaper = { title, abstract: decodeWithMath(field('abstract')), date, source };
  const authors = ((fields['author'] ?? []) as { firstName?: string; prefix?: string; lastName?: string; suffix?: string; name?: string }[])
    .map((a) => unwrap(a.name ?? [a.firstName, a.prefix, a.lastName, a.suffix].filter(Boolean).join(' ')))
    .filter(Boolean);
  if (authors.length > 0) paper.authors = authors;
  const published = publishedDay(field('year'), field('month'), field('date'));
  if (published) paper.published = published;
  const eprint = field('eprint');
  const arxiv =
    (eprint && (/arxiv/i.test(field('archiveprefix') || field('eprinttype')) || !field('archiveprefix'))
      ? parseArxivId(eprint)
      : undefined) ??
    parseArxivId(field('url')) ??
    parseArxivId(field('journal'));
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
 * LaTeX source of a title or abstract as text: formulas kept as written
 * (`$O(n^2)$`), everything else decoded by the BibTeX parser (accents,
 * `{BERT}` protection, `\&`, `--`), and a literal dollar escaped so it stays text.
 */
function decodeWithMath(latex: string): string {
  if (!latex) return '';
  // Text with nothing LaTeX would change (most abstracts) skips the parser, which costs milliseconds a field.
  if (!/[\\{}~$%&#_^]|--|``|''/.test(latex)) return latex.normalize('NFC');
  const formulas: string[] = [];
  const withPlaceholders = splitTex(latex)
    .map((segment) => (segment.type === 'math' ? `PSMATH${formulas.push(segment.raw) - 1}X` : segment.value))
    .join('');
  const decoded = parse(`@misc{x, title = {${withPlaceholders}}}`, { sentenceCase: false, english: false }).entries[0]?.fields.title;
  const plain = typeof decoded === 'string' ? stripMarkup(decoded) : withPlaceholders;
  return plain
    .normalize('NFC')
    .replace(/\$/g, '\\$')
    .replace(/PSMATH(\d+)X/g, (_, i: string) => formulas[Number(i)]!);
}

/** The parser marks emphasis and case protection with a few HTML elements; the archive keeps plain text. */
function stripMarkup(text: string): string {
  return text
    .replace(/<\/?(?:i|b|em|strong|sup|sub|sc|span)(?:\s[^>]*)?>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function publishedDay(year: string, month: string, date: string): string | undefined {
  const iso = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (iso) return `${iso[1]}-${iso[2] ?? '01'}-${iso[3] ?? '01'}`;
  if (!/^\d{4}$/.test(year)) return undefined;
  const index = /^\d+$/.test(month) ? Number(month) : monthNumber(month);
  return `${year}-${String(index >= 1 && index <= 12 ? index : 1).padStart(2, '0')}-01`;
}
