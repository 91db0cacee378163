import type { MiddlewareHandler } from 'astro';
import { keepHashesInUse } from './hashes-in-use.ts';

/** Each built page's CSP lists only the hashes of its own inline scripts and styles (see hashes-in-use.ts). */
export const onRequest: MiddlewareHandler = async (context, next) => {
  const response = await next();
  if (!context.isPrerendered || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  return new Response(await keepHashesInUse(html), response);
};
