// /papers.schema.json: the JSON Schema of /papers.json (the index of months), of /month/<YYYY-MM>/papers.json
// (`#/$defs/month`) and of /papers/<slug>.json (`#/$defs/paper`).
import type { APIRoute } from 'astro';
import { links } from 'astro-papershelf/archive';
import { papersJsonSchema } from 'astro-papershelf/export';
import { jsonResponse } from './responses.ts';

export const GET: APIRoute = ({ site }) =>
  jsonResponse(papersJsonSchema(site ? new URL(links.papersSchema(), site).href : undefined), 'application/schema+json');
