import type { Paper } from '../paper/paper.ts';
import type { Tag } from '../taxonomy/build-taxonomy.ts';

/**
 * Main tags a card shows, at most: three on a full card, two on a compact one, which is on six or so listings a
 * paper (a third tag there was 2.4 MB of a 10,000-paper archive); the paper's page names them all.
 */
export const cardTagLimits = { full: 3, compact: 2 } as const;

/**
 * A paper's main tags for a card: those its file gives or a rule found, not
 * the broader tags they imply (the card would repeat a whole branch of the
 * tree), at most `limit`. On a tag's own page, `except` (its id) is left out:
 * the page already names it, so the card names the paper's other topics, its
 * narrower tags under that one first: on a broader tag's page they say why the
 * paper is there.
 */
export function cardTags(paper: Paper, byId: ReadonlyMap<string, Tag>, limit: number, except?: string): Tag[] {
  const others = mainTags(paper, byId).filter((tag) => tag.id !== except);
  if (except === undefined) return others.slice(0, limit);
  const under = (tag: Tag) => tag.ancestors.includes(except);
  return [...others.filter(under), ...others.filter((tag) => !under(tag))].slice(0, limit);
}

/** Every tag any card of the paper may show, wherever it is listed: on a broader tag's page, any of its main tags. */
export function cardTagChoices(paper: Paper, byId: ReadonlyMap<string, Tag>): Tag[] {
  return mainTags(paper, byId);
}

function mainTags(paper: Paper, byId: ReadonlyMap<string, Tag>): Tag[] {
  return paper.tags
    .filter((tag) => tag.source !== 'parent')
    .map((tag) => byId.get(tag.id))
    .filter((tag): tag is Tag => tag !== undefined);
}
