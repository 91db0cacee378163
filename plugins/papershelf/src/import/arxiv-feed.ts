import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { arxivBaseId, parseArxivId } from '../content/arxiv-id.ts';
import { findCodeUrl } from './code-url.ts';
import type { ImportedPaper } from './imported-paper.ts';
import { lineLocator, unwrap, unwrapParagraphs, type ImportResult, type RecordProblem } from './import-result.ts';
import { decodeAccentsAndLinks } from './latex-text.ts';
import { otherFormatHint } from './detect-format.ts';
import { expandAuthorMacros } from './author-macros.ts';
import { monthNumber } from '../text/month-names.ts';

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
  /** rss.arxiv.org's feeds name the authors in one `dc:creator`, apart by commas. */
  creator?: unknown;
  /** rss.arxiv.org's RSS: the categories, the first the primary one. */
  category?: unknown[];
  /** rss.arxiv.org's `arxiv:announce_type`: `new` for a first version, `replace` for a later one, `cross`… */
  announce_type?: unknown;
}

/** An item of rss.arxiv.org's RSS 2.0 feed (`rss.arxiv.org/rss/cs.CL`). */
interface RssItem {
  guid?: unknown;
  title?: unknown;
  description?: unknown;
  link?: unknown;
  creator?: unknown;
  category?: unknown[];
  announce_type?: unknown;
  /** The announcement's day, as RFC 822 (`Thu, 04 Sep 2025 00:00:00 -0400`). */
  pubDate?: unknown;
  /** `arxiv:DOI` and `arxiv:journal_reference`, when the authors gave them. */
  DOI?: unknown;
  journal_reference?: unknown;
}

/** rss.arxiv.org writes each id as `oai:arXiv.org:2508.21001v1`. */
const oaiPrefix = /^oai:arxiv\.org:/i;
/** rss.arxiv.org's abstracts begin `arXiv:2508.21001v1 Announce Type: new` and then `Abstract: `. */
const announcement = /^\s*arXiv:\S+\s+Announce Type:\s*\S+\s*(?:Abstract:\s*)?/i;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  isArray: (name) => ['entry', 'item', 'author', 'link', 'category'].includes(name),
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
  const parsed = parser.parse(text) as {
    feed?: { entry?: AtomEntry[]; totalResults?: unknown; startIndex?: unknown };
    rss?: { channel?: { item?: RssItem[] } };
  };
  const items = parsed.rss?.channel?.item;
  const feed = parsed.feed ?? (parsed.rss ? { entry: (items ?? []).map(rssEntry) } : undefined);
  if (!feed)
    return {
      papers: [],
      problems: [
        {
          line: 1,
          message: `not an arXiv feed: there is no <feed> (the API's Atom) or <rss> element; ${otherFormatHint('arxiv')}`,
        },
      ],
    };
  const lineAt = lineLocator(text);
  const starts = [...text.matchAll(parsed.feed ? /<entry[\s>]/g : /<item[\s>]/g)].map((m) => lineAt(m.index));
  const read: { paper: ImportedPaper; line: number }[] = [];
  const problems: RecordProblem[] = [];
  (feed.entry ?? []).forEach((entry, index) => {
    const line = starts[index] ?? 1;
    const result = entryPaper(entry, date, `${sourceName}:${line}`);
    if ('problem' in result) problems.push({ line, message: result.problem });
    else read.push({ paper: result.paper, line });
  });
  const { papers, older } = newestVersions(read);
  return { papers, problems, notes: [...pageNotes((feed.entry ?? []).length, parsed.feed), ...older] };
}

/**
 * The feed's papers with one entry a paper: where it lists two versions of
 * one (`2502.11111v1` and `v2`, as a search over both dates may), the newest,
 * whole: mixing them would keep v1's abstract under v2's comment. Each entry
 * left out is said.
 */
function newestVersions(read: { paper: ImportedPaper; line: number }[]): { papers: ImportedPaper[]; older: string[] } {
  const version = (paper: ImportedPaper) => Number(/v(\d+)$/.exec(paper.arxiv ?? '')?.[1] ?? 0);
  const newest = new Map<string, { paper: ImportedPaper; line: number }>();
  const leftOut = new Set<ImportedPaper>();
  const older: string[] = [];
  for (const entry of read) {
    const id = entry.paper.arxiv === undefined ? undefined : arxivBaseId(entry.paper.arxiv);
    const kept = id === undefined ? undefined : newest.get(id);
    if (id !== undefined && !kept) newest.set(id, entry);
    // The same version twice is the import's "repeated", said when the papers are written.
    if (id === undefined || !kept || version(kept.paper) === version(entry.paper)) continue;
    const [newer, other] = version(entry.paper) > version(kept.paper) ? [entry, kept] : [kept, entry];
    newest.set(id, newer);
    leftOut.add(other.paper);
    older.push(`line ${other.line}: ${other.paper.arxiv} left out, as line ${newer.line} has the newer ${newer.paper.arxiv}`);
  }
  return { papers: read.map((e) => e.paper).filter((p) => !leftOut.has(p)), older };
}

/**
 * What to say of a feed with no entries, or with one page of an API query's
 * results (`opensearch:totalResults` beyond this page): the rest is not in the file.
 */
function pageNotes(entries: number, feed: { totalResults?: unknown; startIndex?: unknown } | undefined): string[] {
  const total = Number(text(feed?.totalResults));
  const start = Number(text(feed?.startIndex)) || 0;
  if (entries === 0 && Number.isInteger(total) && total > start)
    return [
      `the feed has no entries, though its query found ${total.toLocaleString('en-US')} papers (from result ${start + 1} on); the arXiv API sometimes answers with an empty page, so ask it again and import that file`,
    ];
  if (entries === 0) return ['the feed has no entries (its query found nothing, or a day of no new papers), so nothing was imported'];
  if (Number.isInteger(total) && total > start + entries)
    return [
      `the query found ${total.toLocaleString('en-US')} papers and this file holds ${entries} of them (from result ${start + 1}); ask the arXiv API for the next ones (\`start=${start + entries}\`) and import that file too`,
    ];
  return [];
}

/** An RSS date's day, YYYY-MM-DD as written (`Thu, 04 Sep 2025 00:00:00 -0400` is 2025-09-04); none when it is no date. */
function rfc822Day(value: string): string {
  const match = /^\s*(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})\b/.exec(value);
  const month = match ? monthNumber(match[2]!) : undefined;
  return match && month ? `${match[3]}-${String(month).padStart(2, '0')}-${match[1]!.padStart(2, '0')}` : '';
}

/** An RSS item of rss.arxiv.org as the Atom entry it stands for. */
function rssEntry(item: RssItem): AtomEntry {
  const link = text(item.link);
  return {
    id: text(item.guid) || link,
    title: item.title,
    summary: item.description,
    creator: item.creator,
    category: item.category ?? [],
    announce_type: item.announce_type,
    link: link ? [{ '@href': link, '@rel': 'alternate' }] : [],
    doi: item.DOI,
    journal_ref: item.journal_reference,
    // The day this version was announced: the Atom entry's <updated>, the day a withdrawal took effect.
    updated: rfc822Day(text(item.pubDate)),
  };
}

function entryPaper(entry: AtomEntry, date: string, source: string): { paper: ImportedPaper } | { problem: string } {
  const idUrl = text(entry.id);
  if (/arxiv\.org\/api\/errors/.test(idUrl))
    return {
      problem: `the arXiv API answered with an error: ${unwrap(text(entry.summary)) || 'no details'}; check the ids that were asked for`,
    };
  const arxiv = parseArxivId(idUrl.trim().replace(oaiPrefix, ''));
  if (!arxiv)
    return {
      problem: `entry has no arXiv id in <id> (found \`${idUrl || 'nothing'}\`); skipped: fetch the record again from the arXiv API, whose entries name the paper as http://arxiv.org/abs/<id>`,
    };
  const title = arxivText(entry.title);
  if (!title) return { problem: `entry ${arxiv} has no <title>; skipped: fetch the record again from the arXiv API` };
  const published = text(entry.published).slice(0, 10);
  const comment = unwrap(text(entry.comment));
  const abstract = expandAuthorMacros(
    decodeAccentsAndLinks(unwrapParagraphs(arxivParagraphs(text(entry.summary).replace(announcement, '')))),
    title,
  );
  const pdf = entry.link?.find((l) => l['@title'] === 'pdf')?.['@href'];
  const paper: ImportedPaper = {
    title,
    abstract,
    date,
    authors: (entry.author ?? []).map((a) => arxivText(a.name)).filter(Boolean),
    arxiv,
    source,
  };
  // rss.arxiv.org names the authors in one line, apart by commas (`dc:creator`, or a single <author>).
  const fromRss = oaiPrefix.test(idUrl.trim());
  const authorLine =
    paper.authors!.length === 0 ? arxivText(entry.creator) : fromRss && paper.authors!.length === 1 ? paper.authors![0]! : '';
  // A suffix after a comma is the name's ("Martin Luther King, Jr."), not a name of its own.
  if (authorLine)
    paper.authors = authorLine.split(/\s*,(?!\s*(?:(?:jr|sr)\.?|ii|iii|iv)\s*(?:,|\s+and\s|$))\s*(?:and\s+)?|\s+and\s+/i).filter(Boolean);
  // Its <published> is the day of this announcement: the first version's only when the paper is new.
  const firstVersionDay = !fromRss || text(entry.announce_type).trim() === 'new';
  if (firstVersionDay && /^\d{4}-\d{2}-\d{2}$/.test(published)) paper.published = published;
  const firstCategory = entry.category?.[0];
  const category =
    entry.primary_category?.['@term'] ??
    (typeof firstCategory === 'object' ? (firstCategory as { '@term'?: string })['@term'] : text(firstCategory)) ??
    '';
  if (category) paper.category = category;
  const doi = unwrap(text(entry.doi)).split(' ')[0]; // arXiv lists all of a paper's DOIs, apart by spaces; `doi` holds one
  if (doi) paper.doi = doi;
  const journalRef = unwrap(text(entry.journal_ref));
  if (journalRef) paper.journalRef = journalRef;
  if (comment) paper.comment = comment;
  // arXiv withdraws a paper with a last version whose comment says so; that version's day is the withdrawal's.
  const updated = text(entry.updated).slice(0, 10);
  // rss.arxiv.org gives no comment: a withdrawn version's abstract says it instead ("This paper has been withdrawn by…").
  const withdrawal = comment || (fromRss ? abstract : '');
  if (withdrawalComment.test(withdrawal) && !withdrawnFromAVenue.test(withdrawal) && /^\d{4}-\d{2}-\d{2}$/.test(updated))
    paper.withdrawn = updated;
  if (pdf) paper.pdf = pdf.replace(/^http:/, 'https:');
  const code = findCodeUrl(abstract) ?? findCodeUrl(comment);
  if (code) paper.code = code;
  return { paper };
}

/**
 * A comment that withdraws the paper: "Withdrawn: …", "This paper has been
 * withdrawn by the author", "The paper has been withdrawn due to …",
 * "Authors have withdrawn this paper", "Paper withdrawn due to an error",
 * "We have decided to withdraw this paper". A sentence must say it of the paper
 * itself: "supersedes v1, which was withdrawn" does not; nor does one that
 * withdraws it from a venue, named as venues are ("Withdrawn from ICLR 2025;
 * accepted at CVPR", "from NeurIPS", "from the conference"). Withdrawn from
 * arXiv, from publication or from circulation is withdrawn.
 */
const withdrawalComment = new RegExp(
  [
    String.raw`^\s*\(?withdrawn\b`,
    String.raw`(?:^|[.;!]\s+)(?:(?:this|the) )?(?:paper|article|submission|manuscript|work|version|preprint) (?:has been|is being|is|was|will be) withdrawn\b`,
    String.raw`(?:^|[.;!]\s+)(?:(?:this|the) )?(?:paper|article|submission|manuscript|preprint) withdrawn\b`,
    String.raw`(?:^|[.;!]\s+)(?:we|i|(?:the )?authors?|(?:the )?submitter) (?:(?:has|have) withdrawn|(?:(?:has|have) )?(?:decided|chosen|wish(?:es)?|would like|want|request(?:ed)?) to withdraw|withdraw) (?:this|the|our|my) (?:paper|article|submission|manuscript|work|preprint)\b`,
  ].join('|'),
  'i',
);

/** "withdrawn from" a venue, as venues are named: an acronym (ICLR, NeurIPS) or the conference, journal…; case counts. */
const withdrawnFromAVenue =
  /[Ww]ithdrawn\s+from\s+(?:the\s+)?(?:[A-Z]{2,}|[A-Z][a-z]+[A-Z]|(?:[Cc]onference|[Jj]ournal|[Pp]roceedings|[Ww]orkshop|[Ss]ymposium)\b)/;

/** A title, name or abstract of the feed as one line of text; arXiv keeps them as their authors typed them, LaTeX accents included. */
/**
 * An abstract as arXiv gives it, its paragraphs apart by a blank line. arXiv
 * keeps an abstract's lines as they were submitted, and its submission rules
 * start a paragraph with a line that is indented; a blank line does too.
 * Where every line after the first is indented, the indent is the file's
 * own layout (a feed written out by hand or by a formatter), not paragraphs.
 */
function arxivParagraphs(summary: string): string {
  const lines = summary
    .trim()
    .split('\n')
    .slice(1)
    .filter((line) => line.trim());
  const indented = lines.filter((line) => /^[ \t]/.test(line));
  return indented.length > 0 && indented.length < lines.length ? summary.replace(/\n[ \t]+(?=\S)/g, '\n\n') : summary;
}

function arxivText(value: unknown): string {
  return decodeAccentsAndLinks(unwrap(text(value)));
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && '#text' in value) return String((value as { '#text': unknown })['#text']);
  return '';
}
