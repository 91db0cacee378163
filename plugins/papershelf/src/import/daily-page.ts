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

const dayLine =
  /^(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?$/i;
const longestTitle = 300;

/**
 * Parses the text of a scraped "Daily Papers" page: header lines up to a
 * line that is a date ("Aug 27", "Sep 3", "August 27, 2025"), then records
 * of a title line and an abstract paragraph separated by blank lines. A
 * line that is only a number (an upvote count) separates like a blank line.
 * What does not fit a record is returned as a problem with its line, never dropped.
 */
export function parseDailyPage(text: string): DailyPage {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const dateIndex = lines.findIndex((line) => dayLine.test(line.trim()));
  if (dateIndex === -1) {
    return {
      day: undefined,
      records: [],
      problems: [
        {
          line: 1,
          message:
            'no date line (such as "Aug 27" or "August 27, 2025") before the papers; a daily page has one on its own line above the first title, so add it or check that this is a daily papers page',
        },
      ],
    };
  }
  const match = dayLine.exec(lines[dateIndex]!.trim())!;
  const day = {
    month: monthNumber(match[1]!),
    day: Number(match[2]),
    line: dateIndex + 1,
    ...(match[3] ? { year: Number(match[3]) } : {}),
  };
  const { records, problems } = readRecords(blocksOf(lines, dateIndex + 1));
  return { day, records, problems };
}

interface Block {
  line: number;
  lines: string[];
}

function blocksOf(lines: string[], from: number): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!.trim();
    // Hugging Face shows each paper's upvote count on a line of its own: it is neither title nor abstract.
    if (line === '' || /^\d+$/.test(line)) {
      current = undefined;
      continue;
    }
    if (!current) {
      current = { line: i + 1, lines: [] };
      blocks.push(current);
    }
    current.lines.push(line);
  }
  return blocks;
}

function readRecords(blocks: Block[]): { records: DailyRecord[]; problems: PageProblem[] } {
  const records: DailyRecord[] = [];
  const problems: PageProblem[] = [];
  // Every title counts toward the page order, reported ones too, so fixing one record keeps the others' rank.
  let position = 0;
  let i = 0;
  while (i < blocks.length) {
    const block = blocks[i]!;
    const next = blocks[i + 1];
    if (!looksLikeTitle(block)) {
      problems.push({ line: block.line, message: `a paragraph with no title before it: "${preview(block)}"` });
      i += 1;
    } else if (!next || (looksLikeTitle(next) && blocks[i + 2] && !looksLikeTitle(blocks[i + 2]!))) {
      position += 1;
      problems.push({ line: block.line, message: `a title with no abstract after it: "${preview(block)}"` });
      i += 1;
    } else {
      position += 1;
      const record: DailyRecord = { title: joined(block), abstract: joined(next), line: block.line, rank: position };
      if (looksLikeTitle(next) && next.lines.length === 1 && !/[.!?]$/.test(joined(next))) {
        record.notAPaper = {
          line: next.line,
          message: `the abstract of "${preview(block)}" reads like another title: "${preview(next)}"; if it is one, give each paper its abstract`,
        };
        problems.push(record.notAPaper);
      }
      records.push(record);
      i += 2;
    }
  }
  return { records, problems };
}

/**
 * A title is one short line (a wrapped one may take two or three) of at most
 * two sentences ("Attention, Please! Revisiting …" is a title).
 */
function looksLikeTitle(block: Block): boolean {
  const text = joined(block);
  const sentenceBreaks = text.match(/[.!?]\s+[A-Z]/g)?.length ?? 0;
  return block.lines.length <= 3 && text.length <= longestTitle && sentenceBreaks < 2;
}

function joined(block: Block): string {
  return block.lines.join(' ');
}

function preview(block: Block): string {
  const text = joined(block);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
