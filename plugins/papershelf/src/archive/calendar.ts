// Calendar arithmetic on `YYYY-MM-DD` strings, in UTC throughout, so no time zone ever moves a day.

const dayMs = 86_400_000;

function utc(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function dayString(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `2025-08-27` → `2025-W35`: the ISO 8601 week (Monday first; week 1 holds the year's first Thursday). */
export function isoWeekOf(day: string): string {
  const date = utc(day);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(date.getTime() + (3 - weekday) * dayMs);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / dayMs / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday and Sunday of an ISO week id such as `2025-W35`. */
export function isoWeekRange(week: string): { first: string; last: string } {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) throw new Error(`${week} is not an ISO week id like 2025-W35`);
  const year = Number(match[1]);
  const jan4 = Date.UTC(year, 0, 4);
  const mondayOfWeek1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * dayMs;
  const first = new Date(mondayOfWeek1 + (Number(match[2]) - 1) * 7 * dayMs);
  return { first: dayString(first), last: dayString(new Date(first.getTime() + 6 * dayMs)) };
}

/** `2025-08-27` → `2025-08`. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

const monthFormat = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', timeZone: 'UTC' });
const shortDayFormat = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** `2025-08` → "August 2025". */
export function formatMonth(month: string): string {
  return monthFormat.format(utc(`${month}-01`));
}

/** `2025-W35` → "Week 35, 2025 (Aug 25 – Aug 31)". */
export function formatWeek(week: string): string {
  const { first, last } = isoWeekRange(week);
  return `Week ${Number(week.slice(6))}, ${week.slice(0, 4)} (${shortDayFormat.format(utc(first))} – ${shortDayFormat.format(utc(last))})`;
}

/**
 * The weeks of a month as rows of seven days, Monday first, for a calendar:
 * each day of the month as `YYYY-MM-DD`, and undefined before the 1st and
 * after the last day.
 */
export function monthGrid(month: string): (string | undefined)[][] {
  const first = utc(`${month}-01`);
  const days = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  const cells: (string | undefined)[] = Array.from({ length: (first.getUTCDay() + 6) % 7 }, () => undefined);
  for (let d = 1; d <= days; d++) cells.push(`${month}-${String(d).padStart(2, '0')}`);
  while (cells.length % 7 !== 0) cells.push(undefined);
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
}
