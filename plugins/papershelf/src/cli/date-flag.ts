import { isRealDay } from '../content/paper-schema.ts';

/**
 * Checks a `--date` flag: its form (YYYY-MM-DD) and that the day exists, so
 * no paper is written with a date the build then rejects. Says how to write
 * it. Undefined stays undefined.
 */
export function checkDateFlag<T extends string | undefined>(date: T): T {
  if (date === undefined) return date;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`--date \`${date}\` is not YYYY-MM-DD; write the day like --date 2025-08-27`);
  if (!isRealDay(date))
    throw new Error(`--date \`${date}\` is not a real day (${whyNotADay(date)}); give a day of the calendar, like --date 2025-08-27`);
  return date;
}

function whyNotADay(date: string): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  if (month < 1 || month > 12) return `there is no month ${String(month).padStart(2, '0')}`;
  // Day 0 of the next month is the last day of this one.
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')} has days 01 to ${days}`;
}
