import type { MiddlewareHandler } from 'astro';
import options from 'virtual:papershelf/options';
import { keepHashesInUse } from './hashes-in-use.ts';

const archiveRoutes = new Set(options.site.routes);
const keptHashes = new Set(options.site.cspHashes);

/**
 * Each built page of the archive's routes lists only the CSP hashes it needs
 * (see hashes-in-use.ts). The site's own pages are left as Astro makes them:
 * one may add hashes at render time (`Astro.csp.insertScriptHash`) for a
 * script it creates, which its HTML does not show.
 */
export const onRequest: MiddlewareHandler = async (context, next) => {
  const response = await next();
  if (!options.site.csp || !context.isPrerendered || !archiveRoutes.has(context.routePattern)) return response;
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  return new Response(await keepHashesInUse(await response.text(), keptHashes), response);
};
