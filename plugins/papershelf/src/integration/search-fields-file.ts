import { routeTable } from '../links/route-table.ts';
import { pageFile } from '../links/page-file.ts';
import type { LinkSettings } from '../links/site-links.ts';
import { takeBuildNote } from './build-report.ts';

/** Where the search-fields route writes its file in `dist/` (its folder goes with the build report's). */
const fieldsFile = routeTable.searchFields.pattern.replace(/^\//, '');

/**
 * Reads the paper pages' search fields the build listed (routes/search-fields.json.ts)
 * and removes the file, which is for this step only: the fields HTML of each
 * paper page, by the page's file in `dist/` (`papers/<slug>/index.html`).
 * Undefined when the build listed none (search is off).
 */
export async function takeSearchFields(
  dist: string,
  links: Pick<LinkSettings, 'base' | 'format'>,
): Promise<Map<string, string> | undefined> {
  const listed = await takeBuildNote<[string, string][]>(dist, fieldsFile);
  return listed && fieldsByPageFile(listed, links);
}

/** The search fields as the route lists them (page address, fields HTML), by each page's file in `dist/`. */
export function fieldsByPageFile(
  listed: readonly (readonly [string, string])[],
  links: Pick<LinkSettings, 'base' | 'format'>,
): Map<string, string> {
  return new Map(listed.map(([page, fields]) => [pageFile(page, links), fields]));
}
