import type { Paper } from '../paper/paper.ts';
import type { Tag } from '../taxonomy/build-taxonomy.ts';

/** Main tags a compact card shows: at most this many. */
const cardTagLimit = 3;

/**
 * A paper's main tags for a compact card: those its file gives or a rule
 * found, not the broader tags they imply (the card would repeat a whole
 * branch of the tree), at most three.
 */
export function cardTags(paper: Paper, byId: ReadonlyMap<string, Tag>): Tag[] {
  return paper.tags
    .filter((tag) => tag.source !== 'parent')
    .map((tag) => byId.get(tag.id))
    .filter((tag): tag is Tag => tag !== undefined)
    .slice(0, cardTagLimit);
}
