import { isRealDay } from '../content/paper-schema.ts';

/** The longest range of days one run fetches: a year, so a mistyped year does not start thousands of requests. */
export const longestDayRange = 366;

/**
 * The days from `first` to `last`, both included, as YYYY-MM-DD (calendar
 * days, counted in UTC so no time zone skips or repeats one). Throws a
 * message naming the flag when a day is not a real day, the range runs
 * backwards, or it is longer than `longestDayRange`.
 */
export function dayRange(first: string, last: string, flags = { first: '--hf-date', last: '--to' }): string[] {
  const start = dayNumber(first, flags.first);
  const end = dayNumber(last, flags.last);
  if (end < start) throw new Error(`${flags.last} ${last} is before ${flags.first} ${first}; give the first day, then the last`);
  if (end - start + 1 > longestDayRange)
    throw new Error(
      `${first} to ${last} is ${end - start + 1} days; fetch at most ${longestDayRange} days a run, and split a longer range`,
    );
  return Array.from({ length: end - start + 1 }, (_, i) => new Date((start + i) * 86_400_000).toISOString().slice(0, 10));
}

/** Days since 1970-01-01 of a YYYY-MM-DD day that exists. */
function dayNumber(day: string, flag: string): number {
  if (!isRealDay(day)) throw new Error(`${flag} \`${day}\` is not a real day; write it as YYYY-MM-DD, e.g. ${flag} 2025-08-27`);
  return Date.parse(`${day}T00:00:00Z`) / 86_400_000;
}
