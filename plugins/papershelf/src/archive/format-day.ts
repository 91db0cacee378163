const formatter = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

/** `2025-08-27` → "August 27, 2025", read as a calendar day so no time zone moves it. */
export function formatDay(day: string): string {
  return formatter.format(new Date(`${day}T00:00:00Z`));
}
