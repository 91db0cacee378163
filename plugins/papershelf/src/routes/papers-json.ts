// /papers.json: the whole archive as data, newest first, described by /papers.schema.json.
import type { APIRoute } from 'astro';
import options from 'virtual:papershelf/options';
import { getArchive, links } from 'astro-papershelf/archive';
import { paperRecord } from 'astro-papershelf/export';
import { compactJsonResponse } from './responses.ts';

export const GET: APIRoute = async ({ site }) => {
  const archive = await getArchive();
  const absolute = (path: string) => (site ? new URL(path, site).href : path);
  return compactJsonResponse({
    $schema: absolute(links.papersSchema()),
    title: options.title,
    ...(site && { home: absolute(links.home()) }),
    count: archive.papers.length,
    papers: archive.papers.map((paper) => paperRecord(paper, archive.taxonomy.byId, absolute(links.paper(paper.slug)))),
  });
};
