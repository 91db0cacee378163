// /_papershelf/build-report.json: what the archive model has to say about this build (size, cost, taxonomy
// report). The integration prints it when the build is done and then deletes the file: a value the build
// step hands on, not state kept in memory between the pages and the integration.
import type { APIRoute } from 'astro';
import { getArchiveReport } from 'astro-papershelf/archive';
import { jsonResponse } from './responses.ts';

export const GET: APIRoute = async () => jsonResponse(await getArchiveReport());
