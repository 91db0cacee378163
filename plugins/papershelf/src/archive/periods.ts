import { isoWeekOf, monthOf } from './calendar.ts';
import type { Paper } from '../paper/paper.ts';
import { listingPageSize, paginateList, type ListingPage } from './pages.ts';

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

/** The part of one day that a page of a week or month shows. */
export interface PeriodPageDay {
  date: string;
  /** Papers of the whole day, on every page it spans. */
  count: number;
  /** The day's papers on this page, in the day's order. */
  papers: Paper[];
  /** Position (1-based) of the first of them in the day: above 1 when the day began on the page before. */
  first: number;
}

/** One page of a week or month: its papers, and the same papers by day. */
export interface PeriodPage extends ListingPage<Paper> {
  days: PeriodPageDay[];
}

/**
 * A week or month in pages of `size` papers, day by day (newest day first):
 * a long week is read a page at a time, as a tag is, rather than as one
 * page of hundreds of cards. A day that does not fit continues on the next
 * page under its heading again, each part saying which of the day's papers it shows.
 */
export function periodPages(period: ArchivePeriod, size = listingPageSize): PeriodPage[] {
  const dayOf = new Map(period.days.map((day) => [day.date, day]));
  return paginateList(
    period.days.flatMap((day) => day.papers),
    size,
  ).map((page) => ({
    ...page,
    days: groupDays(page.items).map(({ date, papers }) => {
      const day = dayOf.get(date)!;
      return { date, count: day.papers.length, papers, first: day.papers.indexOf(papers[0]!) + 1 };
    }),
  }));
}
