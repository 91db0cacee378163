// /papers.json: the archive's data, described by /papers.schema.json: how many papers, and the file of each
// month's papers (month-json.ts), newest first.
import type { APIRoute } from 'astro';
import options from 'virtual:papershelf/options';
import { getArchive, links } from 'astro-papershelf/archive';
import { jsonResponse } from './responses.ts';

export const GET: APIRoute = async ({ site }) => {
  const archive = await getArchive();
  const absolute = (path: string) => (site ? new URL(path, site).href : path);
  return jsonResponse({
    $schema: absolute(links.papersSchema()),
    title: options.title,
    ...(site && { home: absolute(links.home()) }),
    count: archive.papers.length,
    months: archive.months.map((month) => ({ month: month.id, count: month.count, url: absolute(links.monthJson(month.id)) })),
  });
};
