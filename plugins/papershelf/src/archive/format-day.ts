import { formatMonth } from './calendar.ts';

const formatter = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
// An archive has a few hundred days and formats them on every card (about 80,000 times at 10,000 papers): Intl is slow enough to show.
const formatted = new Map<string, string>();

/** `2025-08-27` → "August 27, 2025", read as a calendar day so no time zone moves it. */
export function formatDay(day: string): string {
  let text = formatted.get(day);
  if (text === undefined) {
    text = formatter.format(new Date(`${day}T00:00:00Z`));
    formatted.set(day, text);
  }
  return text;
}

/** A date as precise as it is known: `2017` → "2017", `2017-06` → "June 2017", `2017-06-12` → "June 12, 2017". */
export function formatPartialDate(date: string): string {
  if (/^\d{4}$/.test(date)) return date;
  if (/^\d{4}-\d{2}$/.test(date)) return formatMonth(date);
  return formatDay(date);
}
