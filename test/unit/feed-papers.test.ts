// Which papers a feed holds: the newest, never a day cut in two.
import { describe, expect, it } from 'vitest';
import { feedPapers } from '../../plugins/papershelf/src/feeds/feed-papers.ts';

const paper = (id: string, date: string) => ({ id, data: { date } });
const newestFirst = [
  paper('a', '2025-08-28'),
  paper('b', '2025-08-27'),
  paper('c', '2025-08-27'),
  paper('d', '2025-08-27'),
  paper('e', '2025-08-26'),
];

describe('feedPapers', () => {
  it('holds the newest papers and the rest of the last one’s day', () => {
    expect(feedPapers(newestFirst, 2).map((p) => p.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(feedPapers(newestFirst, 1).map((p) => p.id)).toEqual(['a']);
    expect(feedPapers(newestFirst, 4).map((p) => p.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(feedPapers(newestFirst, 5).map((p) => p.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(feedPapers(newestFirst, 50).map((p) => p.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(feedPapers([], 50)).toEqual([]);
  });

  it('stops a day of an import at four times the items, not at its end', () => {
    const imported = Array.from({ length: 3000 }, (_, i) => paper(`p${i}`, '2025-09-01'));
    expect(feedPapers(imported, 50)).toHaveLength(200);
  });
});
