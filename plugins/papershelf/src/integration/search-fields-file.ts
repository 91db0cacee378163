import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { routeTable } from '../links/route-table.ts';
import { pageFile } from '../links/page-file.ts';
import type { LinkSettings } from '../links/site-links.ts';

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
  let listed: [string, string][];
  try {
    listed = JSON.parse(await readFile(join(dist, fieldsFile), 'utf8')) as [string, string][];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  await rm(join(dist, fieldsFile));
  return new Map(listed.map(([page, fields]) => [pageFile(page, links), fields]));
}
