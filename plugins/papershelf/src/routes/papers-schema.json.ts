// /papers.schema.json: the JSON Schema of /papers.json and of /papers/<slug>.json.
import type { APIRoute } from 'astro';
import { archiveBase, siteUrl } from 'astro-papershelf/archive';
import { papersJsonSchema } from 'astro-papershelf/export';

export const GET: APIRoute = ({ site }) => {
  const id = site ? new URL(siteUrl(archiveBase, 'papers.schema.json'), site).href : undefined;
  return new Response(JSON.stringify(papersJsonSchema(id), null, 1), { headers: { 'content-type': 'application/schema+json' } });
};
