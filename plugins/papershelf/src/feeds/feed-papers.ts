/**
 * The papers a feed holds: the newest `items`, and the rest of the day the
 * last of them joined the archive on. A feed never stops halfway through a
 * day, so a reader who reads it each day misses none of a day of more
 * papers than `items` (the shipped archive's day has 59).
 */
export function feedPapers<P extends { data: { date: string } }>(newestFirst: readonly P[], items: number): P[] {
  let end = Math.min(items, newestFirst.length);
  const lastDay = newestFirst[end - 1]?.data.date;
  while (end < newestFirst.length && newestFirst[end]!.data.date === lastDay) end++;
  return newestFirst.slice(0, end);
}
