// /papers.json: the whole archive as data, newest first, described by /papers.schema.json.
import type { APIRoute } from 'astro';
import options from 'virtual:papershelf/options';
import { archiveBase, getArchive, paperHref, siteUrl } from 'astro-papershelf/archive';
import { paperRecord } from 'astro-papershelf/export';

export const GET: APIRoute = async ({ site }) => {
  const archive = await getArchive();
  const base = archiveBase;
  const absolute = (path: string) => (site ? new URL(path, site).href : path);
  const body = {
    $schema: absolute(siteUrl(base, 'papers.schema.json')),
    title: options.title,
    ...(site && { home: absolute(base) }),
    count: archive.papers.length,
    papers: archive.papers.map((paper) => paperRecord(paper, archive.taxonomy.byId, absolute(paperHref(base, paper.slug)))),
  };
  return new Response(JSON.stringify(body, null, 1), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
