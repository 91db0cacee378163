import { dayRange } from '../import/day-range.ts';
import { fetchHfDailyLists } from '../import/hf-daily-api.ts';
import { hfListPapers } from '../import/hf-daily-papers.ts';
import type { ImportedPaper } from '../import/imported-paper.ts';

/** Hugging Face's daily list; `PAPERSHELF_HF_API` points elsewhere (a mirror, or saved answers in tests). */
const apiUrl = () => process.env['PAPERSHELF_HF_API'];
/** A polite second between requests; `PAPERSHELF_HF_PAUSE_MS` changes it (tests use 0). */
const pauseMs = () => Number(process.env['PAPERSHELF_HF_PAUSE_MS'] ?? 1000);

/**
 * `add --hf-date <first> [--to <last>]`: the papers of each day's list from
 * Hugging Face, each joining the archive on the day it was listed, with a
 * line per day on stderr as they come. Problems name the day and the item.
 */
export async function fetchHfDays(first: string, last: string | undefined): Promise<{ papers: ImportedPaper[]; problems: string[] }> {
  const days = dayRange(first, last ?? first);
  const lists = await fetchHfDailyLists(days, {
    api: apiUrl(),
    pauseMs: pauseMs(),
    onDay: (day, count) =>
      console.error(`Hugging Face ${day}: ${count === 0 ? 'no papers' : `${count} ${count === 1 ? 'paper' : 'papers'}`}`),
  });
  const papers: ImportedPaper[] = [];
  const problems: string[] = [];
  for (const { day, items } of lists) {
    const list = `Hugging Face list of ${day}`;
    const result = hfListPapers(items, day, (index) => `${list}, item ${index + 1}`);
    papers.push(...result.papers);
    problems.push(...result.problems.map((p) => `${list}: ${p.message}`));
  }
  return { papers, problems };
}
