import { monthNumber } from '../text/month-names.ts';

/** One paper as a daily-papers page lists it. */
export interface DailyRecord {
  title: string;
  abstract: string;
  /** 1-based line of the title in the page. */
  line: number;
  /** Position on the page, 1 for the first paper. */
  rank: number;
  /**
   * Set when the importer judges the record not to be a paper (its "abstract"
   * reads like a title, too short to be one: a page footer's "System theme",
   * "Company"): the problem in `problems` that says so. Such a record is never written.
   */
  notAPaper?: PageProblem;
}

/** A line of the page that is not part of a paper record, with why. */
export interface PageProblem {
  line: number;
  message: string;
}

/** What a daily page says, before any file is written. */
export interface DailyPage {
  /** The page's day: month 1–12, day, and the year when the page shows one. */
  day: { month: number; day: number; year?: number; line: number } | undefined;
  records: DailyRecord[];
  problems: PageProblem[];
}

const monthName =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const weekday = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?';
const ordinal = '(?:st|nd|rd|th)?';
const monthFirst = new RegExp(`^${weekday}${monthName}\\s+(\\d{1,2})${ordinal}(?:,?\\s+(\\d{4}))?$`, 'i');
const dayFirst = new RegExp(`^${weekday}(\\d{1,2})${ordinal}\\s+${monthName}(?:,?\\s+(\\d{4}))?$`, 'i');
const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day a line names when it is a date and nothing else ("Aug 27", "Thursday, August 28, 2025", "28 Aug", "2025-08-28"). */
export function readDayLine(line: string): { month: number; day: number; year?: number } | undefined {
  const text = line.trim();
  let found: { month: number; day: number; year?: number | undefined } | undefined;
  const iso = isoDay.exec(text);
  const first = monthFirst.exec(text);
  const byDay = dayFirst.exec(text);
  if (iso) found = { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  else if (first) found = { month: monthNumber(first[1]!), day: Number(first[2]), year: first[3] ? Number(first[3]) : undefined };
  else if (byDay) found = { month: monthNumber(byDay[2]!), day: Number(byDay[1]), year: byDay[3] ? Number(byDay[3]) : undefined };
  if (!found || found.month < 1 || found.month > 12 || found.day < 1 || found.day > 31) return undefined;
  return { month: found.month, day: found.day, ...(found.year !== undefined ? { year: found.year } : {}) };
}

/**
 * Lines of Hugging Face's page around the papers that are neither title nor
 * abstract: who submitted a paper, its number of authors or comments, the
 * list's tabs and buttons, a repository's link and star count ("GitHub",
 * "1.2k"). Each separates like a blank line.
 */
const pageFurniture = new RegExp(
  `^(?:\\d[\\d,.]*\\s*[km]?|[·•]|github|submitted by\\b.*|[·•]?\\s*\\d+\\s+(?:authors?|comments?|upvotes?)|previous|next|daily|weekly|monthly|paper of the day|upvote|view paper|new|abstract:?|(?:published\\s+)?on\\s+${monthName}\\s+\\d{1,2}(?:,?\\s+\\d{4})?)$`,
  'i',
);

/** The page's lines right under a paper's author line: its upvote button and count. Names above them are the page's. */
const upvoteLine = /^(?:upvote|\d[\d,.]*\s*[km]?)$/i;

/** The count under a paper's author line ("· 6 authors"): the names just above it are the page's, not an abstract. */
const authorCount = /^[·•]?\s*\d+\s+authors?$/i;

/** A label whose paragraph, on the lines under it, is the page's and not the paper's. */
const labelOfNext = /^(?:ai-generated summary|tl;?dr:?)$/i;

/** The line where the list of papers ends and the page's footer begins ("Load more", or the footer's first line). */
const endOfList = /^(?:(?:load|show|see) more(?: papers)?|system theme|©.*hugging\s*face.*)$/i;

/** What the page says on a day with no papers. */
const noPapers = /^no papers (?:found|yet|for this date)\b.*$/i;

const longestTitle = 300;

/**
 * A web address, or a line that gives one under a label ("Project page: k2think.ai", "Code: github.com/…"): the
 * end of an abstract, never a title.
 */
const webAddress =
  /https?:\/\/|\bwww\.|^(?:project(?: page)?|code|github|website|homepage|demo|data(?:set)?s?|models?|weights)\s*:\s*\S+\.\S/i;

/**
 * Parses the text of a scraped "Daily Papers" page: header lines up to a
 * line that is a date ("Aug 27", "Sep 3", "August 27, 2025"), then records
 * of a title line and an abstract paragraph separated by blank lines. A
 * line that is only a number (an upvote count) separates like a blank line.
 * What does not fit a record is returned as a problem with its line, never dropped.
 */
export function parseDailyPage(text: string, wanted?: { month: number; day: number }): DailyPage {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.every((line) => line.trim() === ''))
    return { day: undefined, records: [], problems: [{ line: 1, message: 'the file is empty' }] };
  if (/^\s*<(?:!doctype\s+html|html)\b/i.test(text.replace(/^\uFEFF/, '')))
    return {
      day: undefined,
      records: [],
      problems: [
        {
          line: 1,
          message:
            "this is the page's HTML, not its text; save the page as text (copy its text, or the browser's Save as → Text) and import that",
        },
      ],
    };
  const dates = lines.flatMap((line, index) => {
    const found = readDayLine(line);
    return found ? [{ ...found, index }] : [];
  });
  // A page that links the days on either side names them too, before its papers: the day asked for (--date) is the
  // page's own, else the one that shows its year ("Aug 27", "Aug 29", "Thursday, August 28, 2025").
  const leading = leadingDates(lines, dates);
  const withYear = leading.filter((d) => d.year !== undefined);
  const chosen =
    dates.find((d) => wanted && d.month === wanted.month && d.day === wanted.day) ?? (withYear.length === 1 ? withYear[0] : dates[0]);
  const days = [...new Set(leading.map((d) => lines[d.index]!.trim()))];
  if (chosen && !wanted && withYear.length !== 1 && new Set(leading.map((d) => `${d.month}-${d.day}`)).size > 1) {
    return {
      day: undefined,
      records: [],
      problems: [
        {
          line: leading[0]!.index + 1,
          message: `the page names ${days.length} days before its papers (${days.join(', ')}), so which is its own is unknown; say it with --date YYYY-MM-DD`,
        },
      ],
    };
  }
  if (!chosen) {
    return {
      day: undefined,
      records: [],
      problems: [
        {
          line: 1,
          message: `no date line (such as "Aug 27" or "August 27, 2025") before the papers; a daily page has one on its own line above the first title${
            // --date names the day but cannot say where the page's header ends and its papers begin.
            wanted ? ', which marks where its papers begin (--date says only which day it is)' : ''
          }, so add it or check that this is a daily papers page`,
        },
      ],
    };
  }
  const { index, ...found } = chosen;
  const day = { ...found, line: index + 1 };
  const { blocks, ended } = blocksOf(lines, Math.max(index, ...leading.map((d) => d.index)) + 1);
  const { records, problems } = readRecords(blocks);
  if (ended) problems.push(ended);
  if (records.length === 0 && problems.length === 0)
    problems.push({
      line: day.line,
      message: 'no paper after the date line: a daily page lists each paper as a title line, then its abstract as a paragraph',
    });
  return { day, records, problems };
}

/**
 * The date lines at the top of the page, before its papers: the first, and
 * those after it with only blank lines and the page's buttons between.
 */
function leadingDates<D extends { index: number }>(lines: string[], dates: D[]): D[] {
  const run = dates.slice(0, 1);
  for (const date of dates.slice(1)) {
    const between = lines.slice(run.at(-1)!.index + 1, date.index).map((line) => line.trim());
    if (!between.every((line) => line === '' || pageFurniture.test(line))) break;
    run.push(date);
  }
  return run;
}

interface Block {
  line: number;
  lines: string[];
  /** The paragraph's last line is a title: a paper's author line or count came right under it (text copied without blank lines). */
  titleAtEnd?: boolean;
}

/**
 * The page's paragraphs from `from` on, without its furniture. The list ends
 * at "Load more" (the footer follows) or at another day's date line after a
 * paper (a page that shows two days): that end is said, not passed over.
 */
function blocksOf(lines: string[], from: number): { blocks: Block[]; ended?: PageProblem } {
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (endOfList.test(line)) break;
    if (noPapers.test(line) && blocks.length === 0)
      return {
        blocks: [],
        ended: { line: i + 1, message: `the page lists no papers for its day ("${line}"); there is nothing to import from it` },
      };
    const anotherDay = readDayLine(line);
    if (anotherDay) {
      // Before the first paper, a date is the page's navigation; after one, the next day's papers begin.
      if (blocks.some((b) => !looksLikeTitle(b))) {
        return {
          blocks: blocks.flatMap(splitRuns),
          ended: {
            line: i + 1,
            message: `the page goes on with another day ("${line}"); its papers are not imported from this page: import them from that day's own page`,
          },
        };
      }
      current = undefined;
      continue;
    }
    // The names above the count of authors are the page's; so are names right above the upvote button, with no blank line.
    if (authorCount.test(line)) dropAuthorLine(blocks, true);
    else if (current && upvoteLine.test(line)) dropAuthorLine(blocks, false);
    if (line === '' || pageFurniture.test(line)) {
      // "Submitted by" may stand alone, with the submitter's name on the next line, or after a blank one (a user name: one word).
      if (/^submitted by$/i.test(line)) {
        let name = i + 1;
        while (lines[name]?.trim() === '') name += 1;
        let after = name + 1;
        while (lines[after]?.trim() === '') after += 1;
        // A word with an abstract under it is a title ("Magistral"), not the submitter's name.
        const titled = (lines[after]?.trim().length ?? 0) > longestTitle;
        if (!titled && (name === i + 1 ? lines[name]?.trim() : /^\S+$/.test(lines[name]?.trim() ?? ''))) i = name;
      }
      current = undefined;
      continue;
    }
    if (labelOfNext.test(line)) {
      // A label with its paragraph under it (Hugging Face's "AI-generated summary"): neither is the abstract.
      while (lines[i + 1]?.trim() === '') i += 1;
      i += 1;
      current = undefined;
      continue;
    }
    if (!current) {
      current = { line: i + 1, lines: [] };
      blocks.push(current);
    }
    current.lines.push(line);
  }
  return { blocks: blocks.flatMap(splitRuns) };
}

/** Words of paper titles that are no one's name, for telling a title's second line from a first author's name. */
const titleWords = new Set(
  `a all an and any are at agent agents all analysis approach attention beyond better benchmark data deep diffusion do does
  efficient fast few for framework from generation graph how image images in inference is language large learning less
  model models more multimodal need network networks neural new of on one optimal policy reasoning retrieval robust
  scaling self shot sparse study survey system systems text the to toward towards training transformer transformers
  understanding via video vision visual what when why with you your zero`.split(/\s+/),
);

/**
 * Takes out the last paragraph read when it is a paper's author line (the
 * names above "· 6 authors", "Alice Zhang ·", or right above the upvote
 * button): names only, under a title. A title right above the count (a paper
 * that shows no names) stays, as the paragraph above it is an abstract, not a
 * title. Above a count of authors (`counted`), the line under a title is the
 * page's author line however its names are written ("DeepSeek-AI", "李明, 王芳").
 */
function dropAuthorLine(blocks: Block[], counted: boolean): void {
  const last = blocks.at(-1);
  if (!last) return;
  const namesLine = { line: last.line + last.lines.length - 1, lines: [last.lines.at(-1)!.replace(/\s*[·•]$/, '')] };
  // Text copied without blank lines: the names are the last line of the paragraph, under a title's short line. One
  // name ("Sachin Goyal", the first author) is taken for names only when no word of it is a title's word, as the
  // second line of a wrapped title ("Beyond Chinchilla Optimal") may look like a name.
  const above = last.lines.at(-2);
  const words = namesLine.lines[0]!.split(/\s+/);
  const oneName =
    (looksLikeNames(namesLine, 1) || (counted && isOneWordName(namesLine.lines[0]!))) &&
    !words.some((word) => titleWords.has(word.toLowerCase()));
  if (above !== undefined && above.length <= longestTitle && canBeTitleLine(above) && (looksLikeNames(namesLine, 2) || oneName)) {
    last.lines.pop();
    last.titleAtEnd = true;
    return;
  }
  // A title with its count under it and no names (the page shows none), after an abstract's last line.
  if (counted && above !== undefined && readsAsProse(above) && canBeTitleLine(namesLine.lines[0]!)) last.titleAtEnd = true;
  const before = blocks.at(-2);
  if (!before || readsLikeAbstract(before)) return;
  if (last.lines.length === 1 && (looksLikeNames(namesLine, 1) || (counted && !readsAsProse(namesLine.lines[0]!)))) blocks.pop();
}

/** A name of one word, as an organisation signs a paper ("DeepSeek-AI", "OpenAI", "Qwen"). */
function isOneWordName(text: string): boolean {
  return /^\p{Lu}[\p{L}\p{N}&.'’-]*$/u.test(text);
}

/**
 * A paragraph with short lines before a long one is a title with its
 * abstract on the next line (text copied without blank lines): it is split
 * there, and so is every later title in it. A short abstract (a sentence or
 * two, under a title's length) is told from a title's second line by being
 * written as sentences: it starts with a capital and ends in a full stop.
 */
function splitRuns(whole: Block): Block[] {
  const block = withoutAuthorLines(whole);
  if (block.titleAtEnd && block.lines.length > 1) {
    const title = { line: block.line + block.lines.length - 1, lines: block.lines.slice(-1) };
    return [...splitRuns({ line: block.line, lines: block.lines.slice(0, -1) }), title];
  }
  const long = (line: string) => line.length > longestTitle;
  const parts: Block[] = [];
  let part: Block = { line: block.line, lines: [] };
  block.lines.forEach((line, at) => {
    const before = block.lines[at - 1];
    const after = block.lines[at + 1];
    // A short line after a long one starts a title when an abstract follows it in the paragraph, or when it ends the
    // paragraph (the next paper's title, its abstract after the page's author count or upvotes).
    const last = at === block.lines.length - 1;
    const startsTitle =
      before !== undefined &&
      ((!long(line) && long(before) && (last || block.lines.slice(at + 1, at + 4).some(long))) ||
        (readsAsProse(before) && canBeTitleLine(line) && after !== undefined && startsProse(after)));
    const endsTitle =
      before !== undefined &&
      part.lines.length <= 3 &&
      ((long(line) && !long(before)) ||
        (startsProse(line) && canBeTitleLine(before) && !part.lines.some(readsAsProse) && !endsLikeSentence(part.lines.join(' '))));
    if ((startsTitle || endsTitle) && part.lines.length > 0) {
      parts.push(part);
      part = { line: block.line + at, lines: [] };
    }
    part.lines.push(line);
  });
  parts.push(part);
  return parts;
}

/**
 * A paragraph without its author lines: a line of names between a title's
 * line and the abstract's first (text copied without blank lines, the page's
 * author count left out). One name counts only when no word of it is a
 * title's, as for the line above a count.
 */
function withoutAuthorLines(block: Block): Block {
  const isNames = (line: string) => {
    const one = { line: 0, lines: [line] };
    return looksLikeNames(one, 2) || (looksLikeNames(one, 1) && !line.split(/\s+/).some((word) => titleWords.has(word.toLowerCase())));
  };
  const lines = block.lines.filter((line, at) => {
    const before = block.lines[at - 1];
    const after = block.lines[at + 1];
    return !(before !== undefined && after !== undefined && canBeTitleLine(before) && startsProse(after) && isNames(line));
  });
  return lines.length === block.lines.length ? block : { ...block, lines };
}

/** Whether a line of a paragraph is an abstract's: longer than a title, or a sentence of five words or more. */
function readsAsProse(line: string): boolean {
  return line.length > longestTitle || endsLikeSentence(line);
}

/** Whether a line reads as the start of an abstract: prose that opens with a capital, a number or a formula. */
function startsProse(line: string): boolean {
  return readsAsProse(line) && /^[\p{Lu}\p{N}"“‘'($\\]/u.test(line);
}

/**
 * Whether a line may be a title's (or a title's last line, with an abstract
 * under it): not a sentence, no web address, and not cut off after a comma
 * or a small word, as a wrapped sentence is ("… we route each query to a").
 */
function canBeTitleLine(line: string): boolean {
  return (
    !readsAsProse(line) &&
    !webAddress.test(line) &&
    !/[,;–-]$/.test(line) &&
    !/\b(?:a|an|and|as|at|by|for|from|in|of|on|or|the|to|via|with)$/i.test(line)
  );
}

function readRecords(blocks: Block[]): { records: DailyRecord[]; problems: PageProblem[] } {
  const records: DailyRecord[] = [];
  const problems: PageProblem[] = [];
  // Every title counts toward the page order, reported ones too, so fixing one record keeps the others' rank.
  let position = 0;
  let i = 0;
  // The record just read, which a paragraph with no title of its own continues (an abstract of two paragraphs).
  let previous: DailyRecord | undefined;
  while (i < blocks.length) {
    const block = blocks[i]!;
    const next = blocks[i + 1];
    const afterOpening = previous !== undefined && isOpeningSentence(previous.abstract);
    // A short paragraph that ends in a full stop with no abstract after it ("We release our code.") closes the abstract before it.
    const closing =
      previous !== undefined &&
      looksLikeTitle(block) &&
      sentenceBreaks(joined(block)) === 0 &&
      endsWithFullStop(joined(block)) &&
      isSentenceCase(joined(block)) &&
      (!next || !readsLikeAbstract(next));
    if (!looksLikeTitle(block) || (afterOpening && endsLikeSentence(joined(block))) || closing) {
      // A second paragraph as the page writes one (a line of its own), a line with a web address, or any paragraph
      // after an abstract's one-sentence opening paragraph continues the abstract before it; anything else may be a
      // paper that lost its title, and is said.
      const continues = block.lines[0]!.length > longestTitle || webAddress.test(joined(block)) || afterOpening || closing;
      if (previous && !previous.notAPaper && continues) previous.abstract += `\n\n${joined(block)}`;
      else {
        problems.push({ line: block.line, message: `a paragraph with no title before it: "${preview(block)}"` });
        previous = undefined;
      }
      i += 1;
    } else if (next && looksLikeNames(next) && blocks[i + 2] && readsLikeAbstract(blocks[i + 2]!)) {
      // The page's author line between a title and its abstract: a few of the names, not the paper's author list.
      blocks.splice(i + 1, 1);
    } else if (!next || (!readsLikeAbstract(next) && blocks[i + 2] && readsLikeAbstract(blocks[i + 2]!))) {
      // A title, then another title with its abstract (a short one too): the first lost its abstract.
      position += 1;
      problems.push({ line: block.line, message: `a title with no abstract after it: "${preview(block)}"` });
      previous = undefined;
      i += 1;
    } else {
      position += 1;
      const record: DailyRecord = { title: joined(block), abstract: joined(next), line: block.line, rank: position };
      if (readsLikeTitle(next)) {
        record.notAPaper = {
          line: next.line,
          message: `the abstract of "${preview(block)}" reads like another title: "${preview(next)}"; if it is one, give each paper its abstract`,
        };
        problems.push(record.notAPaper);
      }
      records.push(record);
      previous = record;
      i += 2;
    }
  }
  return { records, problems };
}

/**
 * Whether a paragraph in an abstract's place is rather a title: one line of
 * one sentence, too short for an abstract ("Do LLMs Dream of Electric
 * Sheep?", a footer's "Company").
 */
function readsLikeTitle(block: Block): boolean {
  const text = joined(block);
  return (
    looksLikeTitle(block) &&
    block.lines.length === 1 &&
    sentenceBreaks(text) === 0 &&
    !endsLikeSentence(text) &&
    (text.length < 100 || !/[.!?。]$/.test(text))
  );
}

/** Whether an abstract so far is one paragraph of one sentence, which a paragraph of its own would go on from. */
function isOpeningSentence(abstract: string): boolean {
  return !abstract.includes('\n') && sentenceBreaks(abstract) === 0 && endsLikeSentence(abstract);
}

/**
 * Whether a short paragraph is a sentence rather than a title: five words or
 * more ending in a full stop ("We propose a new method for scanpath
 * prediction."), which titles almost never do; "et al." or "vs." at the end
 * is not one. An abstract whose first paragraph is one short sentence keeps
 * it, and it does not become the title of the paragraph after it.
 */
function endsLikeSentence(text: string): boolean {
  return endsWithFullStop(text) && text.split(/\s+/).length >= 5;
}

/**
 * Whether text is written as a sentence, not as a title: most of its words
 * after the first begin in lower case ("We release our code.", not "Less
 * Is More.").
 */
function isSentenceCase(text: string): boolean {
  const words = text
    .split(/\s+/)
    .slice(1)
    .filter((word) => /^\p{L}/u.test(word));
  return words.filter((word) => /^\p{Lu}/u.test(word)).length * 2 < words.length;
}

/** Whether text ends in a full stop that ends a sentence: not "et al.", "vs." or an ellipsis. */
function endsWithFullStop(text: string): boolean {
  return /(?:[^.]\.|。)$/.test(text) && !/\b(?:al|vs|etc|cf|e\.g|i\.e)\.$/i.test(text);
}

/** Whether a paragraph is an abstract rather than a title: too long or too many sentences for one, or a sentence. */
function readsLikeAbstract(block: Block): boolean {
  return !looksLikeTitle(block) || endsLikeSentence(joined(block));
}

/**
 * A line of two or more names ("Mahsa Bozorgi, Stuart Wood", "Dmitri Ivanov · Sara Ahmed", "李明, 王芳"), or `fewest`:
 * each of two to five words, every word capitalized but a particle ("van", "de"), or two to eight Chinese, Japanese
 * or Korean characters; a last "et al." or "and others" is no name.
 */
function looksLikeNames(block: Block, fewest = 2): boolean {
  if (block.lines.length !== 1) return false;
  const line = block.lines[0]!.replace(/,?\s+(?:and\s+)?(?:et\.?\s*al\.?|others)$/i, '');
  const names = line.split(/\s*[,，、;·•]\s*(?:and\s+)?|\s+and\s+/).filter(Boolean);
  const word = /^(?:\p{Lu}[\p{L}'’.-]*|van|von|de|der|den|da|di|du|la|le|al|bin|dos|del)$/u;
  const cjkName = /^[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}・·]{2,8}$/u;
  return (
    names.length >= fewest &&
    names.every((name) => {
      if (cjkName.test(name)) return true;
      const words = name.split(/\s+/);
      return words.length >= 2 && words.length <= 5 && words.every((w) => word.test(w)) && /^\p{Lu}/u.test(words[0]!);
    })
  );
}

function sentenceBreaks(text: string): number {
  return (text.match(/[.!?]\s+[A-Z]|[。！？](?=.)/gu) ?? []).length;
}

/**
 * A title is one short line (a wrapped one may take two or three) of at most
 * two sentences ("Attention, Please! Revisiting …" is a title), with no web
 * address ("Code is at https://…" ends an abstract).
 */
function looksLikeTitle(block: Block): boolean {
  const text = joined(block);
  return block.lines.length <= 3 && text.length <= longestTitle && sentenceBreaks(text) < 2 && !webAddress.test(text);
}

function joined(block: Block): string {
  return block.lines.join(' ');
}

function preview(block: Block): string {
  const text = joined(block);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
