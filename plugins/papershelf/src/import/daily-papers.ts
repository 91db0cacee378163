import type { ImportedPaper } from './imported-paper.ts';
import { parseDailyPage, type PageProblem } from './daily-page.ts';
import { findCodeUrl } from './code-url.ts';
import { otherFormatHint } from './detect-format.ts';
import { expandAuthorMacros } from './author-macros.ts';
import { restoreScrapedFormulas } from './scraped-formulas.ts';
import { decodeAccentsAndLinks } from './latex-text.ts';

/** Papers of a daily page and the records it skipped, or why the page as a whole cannot be imported. */
export type DailyImport = { ok: true; papers: ImportedPaper[]; problems: PageProblem[] } | { ok: false; message: string };

/**
 * Reads a daily page into papers that join the archive on the page's day.
 * The page shows no year, so `date` (YYYY-MM-DD) is required unless the
 * page's date line has one, and its month and day must be the page's. A
 * record the page reader judges not to be a paper is not imported: its
 * problem says it was skipped, at the record's line.
 */
export function dailyPapers(text: string, sourceName: string, date: string | undefined): DailyImport {
  const page = parseDailyPage(text, date ? { month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) } : undefined);
  if (!page.day)
    return {
      ok: false,
      message: `${sourceName}:${page.problems[0]?.line ?? 1}: ${page.problems[0]?.message ?? 'not a daily page'}${
        // An empty file or a saved web page is no other format either.
        page.problems[0]?.message.startsWith('no date line') ? `; ${otherFormatHint('daily')}` : ''
      }`,
    };
  const { day } = page;
  const pageDay = `${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
  let joined = date;
  if (!joined) {
    if (day.year === undefined) {
      return {
        ok: false,
        message: `${sourceName}:${day.line}: the page shows the day ${pageDay.replace('-', '/')} but no year; say which day it is with --date YYYY-${pageDay}`,
      };
    }
    joined = `${day.year}-${pageDay}`;
  }
  if (joined.slice(5) !== pageDay || (day.year !== undefined && Number(joined.slice(0, 4)) !== day.year)) {
    return {
      ok: false,
      message: `${sourceName}:${day.line}: --date ${joined} does not match the page's date line (${day.year ?? 'YYYY'}-${pageDay}); give the page's own day`,
    };
  }
  const skipped = new Map(page.records.flatMap((record) => (record.notAPaper ? [[record.notAPaper, record] as const] : [])));
  const problems = page.problems.map((problem) => {
    const record = skipped.get(problem);
    return record ? { line: record.line, message: `skipped, not written as a paper: ${problem.message}` } : problem;
  });
  const papers = page.records
    .filter((record) => !record.notAPaper)
    .map((record): ImportedPaper => {
      // The page shows the title and abstract as their authors typed them on arXiv (`--`, `fine-tuning~(SFT)`,
      // `\rat`), less the backslashes of formulas its text lost.
      const title = decodeAccentsAndLinks(restoreScrapedFormulas(record.title));
      const abstract = expandAuthorMacros(decodeAccentsAndLinks(restoreScrapedFormulas(record.abstract)), title);
      const code = findCodeUrl(abstract);
      return {
        title,
        abstract,
        date: joined,
        rank: record.rank,
        ...(code ? { code } : {}),
        source: `${sourceName}:${record.line}`,
      };
    });
  return { ok: true, papers, problems };
}
