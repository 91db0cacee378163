import type { Paper } from '../paper/paper.ts';

/** The orders a day's papers can be listed in: the day's own (rank, as its source listed them) or most upvoted first. */
export type DayOrder = 'rank' | 'upvotes';

/**
 * A day's papers most upvoted first (papers without a count after, in the
 * day's order; ties too), or undefined when that view would add nothing:
 * fewer than two papers with a count, or the day's order is already that one.
 */
export function byUpvotes(papers: readonly Paper[]): Paper[] | undefined {
  if (papers.filter((paper) => paper.data.upvotes !== undefined).length < 2) return undefined;
  const position = new Map(papers.map((paper, i) => [paper, i]));
  const sorted = [...papers].sort((a, b) => (b.data.upvotes ?? -1) - (a.data.upvotes ?? -1) || position.get(a)! - position.get(b)!);
  return sorted.every((paper, i) => paper === papers[i]) ? undefined : sorted;
}
