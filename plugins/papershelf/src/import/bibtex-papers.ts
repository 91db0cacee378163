import { parse, type Entry } from '@retorquere/bibtex-parser';
import { parseArxivId } from '../content/arxiv-id.ts';
import { findCodeUrl } from './code-url.ts';
import { monthNumber } from '../text/month-names.ts';
import { arxivCategoryPattern, arxivIdOfDoi, arxivMonth, stripDoiResolver } from '../content/arxiv-id.ts';
import type { ImportedPaper } from './imported-paper.ts';
import { lineLocator, unwrap, unwrapParagraphs, type ImportResult, type RecordProblem } from './import-result.ts';
import { composeDotlessAccents, latexToText } from './latex-text.ts';
import { otherFormatHint } from './detect-format.ts';
import { setAsideAbstracts } from './bibtex-set-aside.ts';
import { expandAuthorMacros } from './author-macros.ts';

/**
 * Fields the parser leaves as written: title, abstract and the venue are
 * decoded by `latexToText`, which keeps formulas and a raw `%` (the parser
 * would read `100% Reproducible` as a comment and drop the rest);
 * `howpublished` is searched for an arXiv address, which the parser would
 * turn into HTML.
 */
const verbatimFields = ['title', 'abstract', 'howpublished', 'booktitle', 'journal'];

/**
 * Papers from a `.bib` file as people keep them, parsed by
 * @retorquere/bibtex-parser: any entry type; accents (`{\"u}`) and case
 * protection (`{BERT}`) decoded to Unicode text; "Last, First" names as
 * "First Last" ("and others" dropped); `year`/`month` as `published` (an
 * arXiv preprint's year alone as its id's month: arXiv's export gives its
 * latest version's year);
 * `eprint` with `archivePrefix = arXiv` (or an arXiv id or address in `url`,
 * `journal` or `howpublished`) as the arXiv id; `doi`, `url`,
 * `abstract`; `booktitle`/`journal` as `venue` (but arXiv and DBLP's CoRR). Formulas in title and
 * abstract stay formulas. An entry the parser rejects is reported with its
 * line, and the entries around it are still read.
 */
export function bibtexPapers(file: string, sourceName: string, date: string): ImportResult {
  // Abstracts are read around the parser, which is slow on long text; line numbers are those of the file.
  const { text, restore } = setAsideAbstracts(file);
  const lineAt = lineLocator(text);
  const library = parse(text, {
    sentenceCase: false,
    english: false,
    fieldMode: Object.fromEntries(verbatimFields.map((f) => [f, 'verbatim'])),
  });
  const problems: RecordProblem[] = library.errors.map((error) => {
    // The parser reads an entry that uses an @string the file never defines, with the name as the value.
    const unresolved = /^Unresolved @string reference "([^"]+)"/.exec(error.error)?.[1];
    if (unresolved !== undefined) {
      const use = new RegExp(`[=#]\\s*${unresolved.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[,#}\\n]`, 'i').exec(text);
      return {
        line: use ? lineAt(use.index) : 1,
        message: `\`${unresolved}\` is an @string this file never defines, so the field reads "${unresolved}": define it (\`@string{${unresolved} = {…}}\`) or write the value, and import again`,
      };
    }
    return {
      line: error.input
        ? lineAt(Math.max(0, text.indexOf(error.input.trim().slice(0, 60))))
        : Number(/line (\d+)/.exec(error.error)?.[1] ?? 1),
      message: `entry not read: ${error.error.replace(/\s+at line \d+, column \d+.*$/s, '')}; fix it and import again`,
    };
  });
  const papers: ImportedPaper[] = [];
  const said: string[] = [];
  // DBLP writes each paper's volume as an entry of its own, which the paper's `crossref` names: a volume, not a paper.
  const volumes = new Set(library.entries.flatMap((entry) => crossrefOf(entry)).map((key) => key.toLowerCase()));
  let searchFrom = 0;
  // The line of the first entry of each key: a second entry with that key is said (BibTeX itself would refuse it).
  const keyLines = new Map<string, number>();
  for (const entry of library.entries) {
    if (!entry.input) continue; // the parser keeps a partial copy of a broken entry; its error is reported above
    if (volumes.has(entry.key.toLowerCase()) && volumeTypes.has(entry.type.toLowerCase())) continue;
    const offset = text.indexOf(entry.input.slice(0, 40), searchFrom);
    if (offset >= 0) searchFrom = offset + 1;
    const line = lineAt(Math.max(0, offset));
    // A field's own line, where a value that fails is written (`year = {20xx}`), else the entry's.
    const fieldLine = (name: string) => {
      const at = offset < 0 ? -1 : entry.input.search(new RegExp(`[,{\\s]${name}\\s*=`, 'i'));
      return at < 0 ? line : lineAt(offset + at + 1);
    };
    const firstLine = keyLines.get(entry.key.toLowerCase());
    if (firstLine === undefined) keyLines.set(entry.key.toLowerCase(), line);
    else
      problems.push({
        line,
        message: `the key \`${entry.key}\` is also the key of the entry on line ${firstLine}; both entries are read (an entry of the same paper is imported once), but a .bib needs a key of its own for each: rename one`,
      });
    const paper = entryPaper(entry, date, `${sourceName}:${line}`, restore);
    if ('problem' in paper) problems.push({ line, message: paper.problem });
    else {
      papers.push(paper.paper);
      for (const { field, what } of paper.leftOut)
        problems.push({
          line: fieldLine(field),
          message: `${what}; left out of "${paper.paper.title}" (the rest of it is imported): fix the entry and import again to add it`,
        });
      for (const message of paper.notes) problems.push({ line, message });
      for (const message of paper.said) said.push(`line ${line}: ${message}`);
    }
  }
  if (library.entries.length === 0)
    problems.push({ line: 1, message: `no BibTeX entry (\`@article{key, …}\`) was read from this file; ${otherFormatHint('bibtex')}` });
  problems.sort((a, b) => a.line - b.line);
  return { papers, problems, notes: said };
}

/** Entry types that are a volume of papers when others cite them by `crossref`. */
const volumeTypes = new Set(['proceedings', 'mvproceedings', 'collection', 'mvcollection', 'book', 'mvbook', 'periodical']);

function crossrefOf(entry: Entry): string[] {
  const fields = entry.fields as Record<string, unknown>;
  const value = fields['crossref'];
  return typeof value === 'string' && value.trim() ? [value.trim()] : [];
}

function entryPaper(
  entry: Entry,
  date: string,
  source: string,
  restore: (value: string) => string,
): { paper: ImportedPaper; leftOut: { field: string; what: string }[]; notes: string[]; said: string[] } | { problem: string } {
  const fields = entry.fields as Record<string, unknown>;
  const field = (name: string) => (typeof fields[name] === 'string' ? unwrap(restore(fields[name])) : '');
  const title = latexToText(field('title'));
  if (!title) return { problem: `@${entry.type}{${entry.key}} has no title; skipped: add \`title = {…}\` and import again` };
  // An abstract's paragraphs (apart by a blank line, or TeX's \par) stay paragraphs.
  const abstractField = typeof fields['abstract'] === 'string' ? restore(fields['abstract']).replace(/\\par(?![A-Za-z])/g, '\n\n') : '';
  const abstract = expandAuthorMacros(unwrapParagraphs(abstractField).split('\n\n').map(latexToText).filter(Boolean).join('\n\n'), title);
  const paper: ImportedPaper = { title, abstract, date, source };
  const authors = names(fields['author']);
  if (authors.length > 0) paper.authors = authors;
  // What the entry gives but the paper cannot take, said with the record rather than dropped without a word.
  const leftOut: { field: string; what: string }[] = [];
  // An edited volume names its editors only; they are not its authors, and a paper file has no other names.
  const editors = authors.length === 0 ? names(fields['editor']) : [];
  const notes =
    editors.length > 0
      ? [
          `"${title}" names no author, only ${editors.length > 1 ? 'editors' : 'an editor'} (${editors.join(', ')}), who are not kept: a paper file names its authors only; add them as \`authors\` if its page should show them`,
        ]
      : [];
  // What the import did with the entry that is no fault in it, for the file's notes.
  const said: string[] = [];
  const published = publishedDate(field('year'), field('month'), field('date'));
  if (published) paper.published = published;
  else if (field('year') || field('date'))
    leftOut.push({
      field: field('year') ? 'year' : 'date',
      what: `year \`${field('year') || field('date')}\` is not a year (write it as 2021)`,
    });
  const eprint = field('eprint');
  // biblatex names other archives by `eprinttype` (`pubmed`, `hdl`): an eprint is arXiv's when nothing names another.
  const eprintIsArxiv =
    !!eprint && (/arxiv/i.test(field('archiveprefix') || field('eprinttype')) || (!field('archiveprefix') && !field('eprinttype')));
  const doi = stripDoiResolver(literal(field('doi')));
  const arxiv =
    (eprintIsArxiv ? parseArxivId(eprint) : undefined) ??
    arxivIdIn(field('url')) ??
    arxivIdIn(field('journal')) ??
    arxivIdIn(field('howpublished')) ??
    // Zotero writes an arXiv preprint's id as its note (`arXiv:2301.00002 [cs]`), ADS as its pages: at the start only,
    // as a note may name another work ("Extended version of arXiv:…").
    arxivIdIn(/^\s*arxiv:\S+/i.exec(field('note'))?.[0] ?? '') ??
    arxivIdIn(/^\s*arxiv:\S+/i.exec(field('pages'))?.[0] ?? '') ??
    arxivIdInVolume(field('journal'), field('volume')) ??
    arxivIdOfDoi(doi);
  if (arxiv) paper.arxiv = arxiv;
  else if (eprintIsArxiv) leftOut.push({ field: 'eprint', what: `eprint \`${eprint}\` is not an arXiv id (write it as 1706.03762)` });
  const category = field('primaryclass');
  if (arxiv && arxivCategoryPattern.test(category)) paper.category = category;
  if (/^10\.\d{4,9}\/\S+$/.test(doi)) paper.doi = doi;
  else if (doi) leftOut.push({ field: 'doi', what: `doi \`${doi}\` is not a DOI (write it as 10.1234/abc)` });
  // biblatex names a journal `journaltitle`.
  const journal = field('journal') || field('journaltitle');
  const venue = latexToText(field('booktitle') || (isArxivJournal(journal) ? '' : journal));
  if (venue) paper.venue = venue;
  const firstVersion = arxiv && isPreprint(entry.type, field, journal) ? arxivMonth(arxiv) : undefined;
  if (firstVersion && paper.published && !field('month') && paper.published.length === 4 && paper.published >= firstVersion.slice(0, 4)) {
    // arXiv's "Export BibTeX" gives the year of the latest version (Attention Is All You Need: 2023), DBLP's CoRR
    // entries the first version's year: the id says the month the paper first appeared, which is what `published` is.
    if (paper.published > firstVersion.slice(0, 4))
      said.push(
        `"${title}": year ${paper.published} is its latest arXiv version's; published is its first version's month, ${firstVersion}, read from its id ${arxiv}`,
      );
    paper.published = firstVersion;
  }
  // A web address in `howpublished` (`\url{…}`), as @misc entries give theirs, when there is no `url`.
  const url = literal(field('url')) || literal(webAddressIn(field('howpublished')));
  if (/^https?:\/\//.test(url) && !parseArxivId(url)) paper.url = url;
  const code = findCodeUrl(paper.abstract) ?? findCodeUrl(field('note'));
  if (code) paper.code = code;
  return { paper, leftOut, notes, said };
}

/** Whether a journal is arXiv under one of its names (`arXiv preprint arXiv:…`, DBLP's `CoRR`): no venue. */
function isArxivJournal(journal: string): boolean {
  return /arxiv/i.test(journal) || /^corr$/i.test(journal.trim());
}

/** Entry types a preprint is exported as, by arXiv (`@misc`), DBLP (`@article` in CoRR) and biblatex (`@online`). */
const preprintTypes = new Set(['article', 'misc', 'unpublished', 'online', 'preprint']);

/**
 * Whether an entry is an arXiv preprint and nothing else: a preprint's type,
 * and no proceedings, publisher, school, institution or series, and no
 * journal but arXiv's. Only then is its year its arXiv versions'.
 */
function isPreprint(type: string, field: (name: string) => string, journal: string): boolean {
  return (
    preprintTypes.has(type.toLowerCase()) &&
    // Zotero gives an arXiv preprint `publisher = {arXiv}`.
    ['booktitle', 'school', 'institution', 'series'].every((name) => !field(name)) &&
    (!field('publisher') || isArxivJournal(field('publisher'))) &&
    (!journal || isArxivJournal(journal))
  );
}

/** The web address a field gives, as `\url{…}` or bare; none when it gives none. */
function webAddressIn(text: string): string {
  return (/\\url\s*\{([^{}]+)\}/.exec(text)?.[1] ?? /https?:\/\/[^\s{}]+/.exec(text)?.[0] ?? '').trim();
}

/** A name as the BibTeX parser splits it: its parts, or `name` for a name in braces (`{Google DeepMind}`). */
interface BibtexName {
  firstName?: string | undefined;
  prefix?: string | undefined;
  lastName?: string | undefined;
  suffix?: string | undefined;
  name?: string | undefined;
}

// "et al." written into a name rather than as "and others" (`Jones, B. et al.`, `A. Smith et al.`), not "Etal".
const etAl = /(?:^|[\s,]+)et(?:\.\s*|\s+)al\b\.?(?=[\s,]|$)/gi;

/**
 * A name without an "et al." its writer put in it. The parser splits
 * `Jones, B. et al.` as Jones, first name "B. et al."; `A. Smith et al.` as
 * first name "A. Smith et", last name "al."; and `Jones, Bob, et al.` as
 * Jones, Jr. "Bob", first name "et al.", so there the middle part is the
 * first name. Read from the name as composed, then without the words.
 */
function withoutEtAl(name: BibtexName): BibtexName {
  if (name.name !== undefined) return { name: name.name.replace(etAl, '').trim() };
  if (name.firstName && !name.firstName.replace(etAl, '').trim() && name.suffix)
    return { ...name, firstName: name.suffix, suffix: undefined };
  const composed = [name.firstName, name.prefix, name.lastName, name.suffix].filter(Boolean).join(' ');
  return composed.search(etAl) < 0 ? name : { name: composed.replace(etAl, '').replace(/\s+/g, ' ').trim() };
}

/** The names of a name field (`author`, `editor`) as the parser splits them, without BibTeX's "and others". */
function names(value: unknown): string[] {
  return (
    ((value ?? []) as BibtexName[])
      .map(withoutEtAl)
      .map((a) => composeDotlessAccents(unwrap(a.name ?? [a.firstName, a.prefix, a.lastName, a.suffix].filter(Boolean).join(' '))))
      // DBLP tells apart people of one name by a number ("Wei Li 0001"): it is not part of the name a page shows.
      .map((name) => name.replace(/\s+\d{4}$/, ''))
      // BibTeX's "and others" (or "et al.") means the authors not named, not a name.
      .filter((name) => name && !/^(?:others|et\.? al\.?)$/i.test(name))
  );
}

/**
 * A DOI or address as BibTeX tools escape it (Mendeley writes `{\_}`,
 * others `\_`, `\&`, `\%`, `{\~{}}`), as the characters it stands for.
 */
function literal(value: string): string {
  return value
    .replace(/\\(?:textasciitilde|~)\s*(?:\{\})?/g, '~')
    .replace(/\\textunderscore(?![A-Za-z])\s*/g, '_')
    .replace(/\\([_&%#$])/g, '$1')
    .replace(/[{}]/g, '')
    .trim();
}

/** The arXiv id of DBLP's and Semantic Scholar's `journal = {CoRR}` or `{ArXiv}` with `volume = {abs/1706.03762}`. */
function arxivIdInVolume(journal: string, volume: string): string | undefined {
  const id = /^abs\/(\S+)$/.exec(volume.trim())?.[1];
  return id && isArxivJournal(journal) ? parseArxivId(id) : undefined;
}

/**
 * An arXiv id named anywhere in a field, as Google Scholar and others write
 * it: `arXiv preprint arXiv:1706.03762`, `\url{https://arxiv.org/abs/2402.05555}`.
 */
function arxivIdIn(text: string): string | undefined {
  const named = /arxiv(?::\s*|\s+preprint\s+|\.org\/(?:abs|pdf)\/)([a-z-]+(?:\.[a-z]{2})?\/\d{7}(?:v\d+)?|\d{4}\.\d{4,5}(?:v\d+)?)/i.exec(
    text,
  );
  return named ? parseArxivId(named[1]!) : undefined;
}

/**
 * The entry's date as precisely as it gives one: biblatex's `date`
 * (`2017`, `2017-06`, `2017-06-12`), else `year` with `month` when there is
 * one. A year alone stays a year: 1 January would be a day nobody knows.
 */
function publishedDate(year: string, month: string, date: string): string | undefined {
  const iso = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  // A date that is no day (`2024-13-45`) gives way to the entry's year and month, when it has them.
  const real =
    iso && (!iso[2] || (Number(iso[2]) >= 1 && Number(iso[2]) <= 12)) && (!iso[3] || (Number(iso[3]) >= 1 && Number(iso[3]) <= 31));
  if (iso && real) return [iso[1], iso[2], iso[2] && iso[3]].filter(Boolean).join('-');
  // DBLP and others tell two works of one year apart with a letter (`2021a`); a month may carry its day (`mar # "~12"`).
  const known = /^(\d{4})[a-z]?$/.exec(year)?.[1];
  if (!known) return undefined;
  const digits = /^(\d{1,2})(?!\d)/.exec(month)?.[1];
  const index = digits ? Number(digits) : monthNumber(month);
  return index >= 1 && index <= 12 ? `${known}-${String(index).padStart(2, '0')}` : known;
}
