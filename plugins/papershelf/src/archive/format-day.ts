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
