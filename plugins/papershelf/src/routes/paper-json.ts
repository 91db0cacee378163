// /papers/<slug>.json: one paper as data, described by /papers.schema.json#/$defs/paper.
import type { APIRoute, GetStaticPaths } from 'astro';
import { archiveBase, getArchive, paperHref, siteUrl } from 'astro-papershelf/archive';
import { paperRecord } from 'astro-papershelf/export';

export const getStaticPaths = (async () => (await getArchive()).papers.map((paper) => ({ params: { slug: paper.slug } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const archive = await getArchive();
  const paper = archive.bySlug.get(params['slug']!)!;
  const base = archiveBase;
  const absolute = (path: string) => (site ? new URL(path, site).href : path);
  const body = { $schema: `${absolute(siteUrl(base, 'papers.schema.json'))}#/$defs/paper`, ...paperRecord(paper, archive.taxonomy.byId, absolute(paperHref(base, paper.slug))) };
  return new Response(JSON.stringify(body, null, 1), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
