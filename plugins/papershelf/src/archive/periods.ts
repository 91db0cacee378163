import { isoWeekOf, monthOf } from './calendar.ts';
import type { Paper } from '../paper/paper.ts';

/** The papers of one day, in the day's order. */
export interface ArchiveDay {
  date: string;
  papers: Paper[];
}

/** A week (`2025-W35`) or a month (`2025-08`) of the archive: its days with papers, newest first. */
export interface ArchivePeriod {
  id: string;
  days: ArchiveDay[];
  /** Papers in all its days. */
  count: number;
}

/** Groups papers (newest first, each day's in its order) into days. */
export function groupDays(papers: readonly Paper[]): ArchiveDay[] {
  const days: ArchiveDay[] = [];
  for (const paper of papers) {
    const last = days.at(-1);
    if (last && last.date === paper.data.date) last.papers.push(paper);
    else days.push({ date: paper.data.date, papers: [paper] });
  }
  return days;
}

/** Groups days (newest first) into periods by a key, newest first; periods without papers do not exist. */
export function groupPeriods(days: readonly ArchiveDay[], key: (date: string) => string): ArchivePeriod[] {
  const periods: ArchivePeriod[] = [];
  for (const day of days) {
    const id = key(day.date);
    const last = periods.at(-1);
    if (last && last.id === id) {
      last.days.push(day);
      last.count += day.papers.length;
    } else {
      periods.push({ id, days: [day], count: day.papers.length });
    }
  }
  return periods;
}

/** ISO weeks of the archive, newest first. */
export const groupWeeks = (days: readonly ArchiveDay[]) => groupPeriods(days, isoWeekOf);
/** Months of the archive, newest first. */
export const groupMonths = (days: readonly ArchiveDay[]) => groupPeriods(days, monthOf);

/** The neighbours of an item in a newest-first list: `older` and `newer`, when they exist. */
export function neighbours<T>(list: readonly T[], index: number): { older: T | undefined; newer: T | undefined } {
  return { older: list[index + 1], newer: index > 0 ? list[index - 1] : undefined };
}
