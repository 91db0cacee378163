/**
 * How many times `feeds.items` a feed may grow to for a day's end: a day
 * that one import filled (3,000 papers of a .bib file share its `--date`)
 * is cut there rather than written whole into every feed.
 */
const longestDay = 4;

/**
 * The papers a feed holds: the newest `items`, and the rest of the day the
 * last of them joined the archive on, up to four times `items`. A feed
 * never stops halfway through a day of the size daily lists have, so a
 * reader who reads it each day misses none (the shipped archive's day has 59).
 */
export function feedPapers<P extends { data: { date: string } }>(newestFirst: readonly P[], items: number): P[] {
  let end = Math.min(items, newestFirst.length);
  const lastDay = newestFirst[end - 1]?.data.date;
  const most = Math.min(newestFirst.length, items * longestDay);
  while (end < most && newestFirst[end]!.data.date === lastDay) end++;
  return newestFirst.slice(0, end);
}
